/**
 * Messaging infrastructure shared by every domain: the CloudEvents envelope, reading and validating
 * inbound records, the inbox that makes redelivery harmless, dead-lettering of records that cannot be
 * understood, and the transactional outbox through which every outbound event leaves.
 *
 * <p>Domains only see {@link com.tencent.bk.partner.events.InboundEvents} (to consume) and
 * {@link com.tencent.bk.partner.events.Outbox} (to publish).
 */
package com.tencent.bk.partner.events;
