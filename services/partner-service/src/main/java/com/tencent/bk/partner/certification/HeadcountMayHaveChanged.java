package com.tencent.bk.partner.certification;

import java.util.Set;

/**
 * Published in-process, inside the transaction of the change, when certificates of these companies changed or
 * passed their expiry date.
 */
public record HeadcountMayHaveChanged(Set<String> partnerIds, String trigger) {
}
