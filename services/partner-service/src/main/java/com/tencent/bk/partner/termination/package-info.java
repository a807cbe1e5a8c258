/**
 * Ending partnerships immediately when the rules are broken: termination requests from events (violation
 * reports, failed or refunded fees), from tiering (a shortfall not remedied), from audits and from users,
 * and the {@code contract-termination} case a manager confirms. A confirmed termination ends every other
 * running process of the partner, so no task, timer or subscription is left behind.
 */
package com.tencent.bk.partner.termination;
