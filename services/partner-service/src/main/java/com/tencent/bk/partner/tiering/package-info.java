/**
 * Tier rules: the certified-headcount minimums of each partner type and enterprise level, held in the DMN
 * decision {@code partner-minimums} (bpmn/partner-minimums.dmn) so the program office can change them
 * without a release, and the decisions taken from them.
 */
package com.tencent.bk.partner.tiering;
