/**
 * Certificates of engineers, kept per company from {@code bk.certification.events} (also for companies that
 * are not partners yet), and the certified headcount derived from them with the counting rules of
 * docs/contracts.md: once per engineer and track, SERVICE satisfies USAGE, revoked or past-expiry certificates
 * do not count.
 */
package com.tencent.bk.partner.certification;
