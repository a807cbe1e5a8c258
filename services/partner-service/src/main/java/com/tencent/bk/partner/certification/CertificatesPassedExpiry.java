package com.tencent.bk.partner.certification;

import java.util.Set;

/**
 * Published in-process by the daily sweep, inside its transaction: certificates of these ACTIVE partners passed
 * their last valid day since the last sweep. They stopped counting on that day even if no {@code expired} event
 * came.
 */
public record CertificatesPassedExpiry(Set<String> partnerIds) {
}
