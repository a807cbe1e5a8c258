package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.tiering.Evaluation;

/**
 * Whether a partnership can be renewed, at which level, and why.
 *
 * @param level the level of the next term (ENTERPRISE only)
 */
record RenewalAssessment(boolean renewable, PartnerLevel level, String explanation, Evaluation evaluation) {
}
