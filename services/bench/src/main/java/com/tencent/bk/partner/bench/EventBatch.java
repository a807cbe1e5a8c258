package com.tencent.bk.partner.bench;

import java.util.List;

/** Events prepared for one phase, and the source that marks the ones whose effects are measured. */
record EventBatch(String source, List<PlannedEvent> events) {
}
