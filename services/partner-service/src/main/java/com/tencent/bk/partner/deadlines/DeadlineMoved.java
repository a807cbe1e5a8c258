package com.tencent.bk.partner.deadlines;

import java.time.Instant;

/**
 * Published in the transaction that moved a timer whose date a process variable holds ({@code graceEndsAt},
 * {@code contractEndsAt}): whatever shows or carries that deadline elsewhere follows it.
 */
public record DeadlineMoved(String processInstanceId, String variable, Instant dueAt) {
}
