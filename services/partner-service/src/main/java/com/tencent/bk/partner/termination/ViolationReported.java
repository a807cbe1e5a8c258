package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.events.CloudEvent;
import com.tencent.bk.partner.events.EventFields;
import com.tencent.bk.partner.events.InboundEvent;
import java.util.Set;

/** {@code bk.compliance.violation-reported}: a partner broke the program's rules. */
record ViolationReported(String caseId, String partnerId, Category category, String description)
        implements InboundEvent {

    static final String TYPE = "bk.compliance.violation-reported";

    enum Category {
        COMPETING_PRODUCT, CERTIFICATION_FRAUD, RULE_BREACH
    }

    @Override
    public String recordKey() {
        return partnerId;
    }

    String reason() {
        return "违规 Violation " + category + " (case " + caseId + "): " + description;
    }

    static ViolationReported read(CloudEvent event) {
        if (!TYPE.equals(event.type())) {
            throw EventFields.unknownType(event, Set.of(TYPE));
        }
        EventFields fields = new EventFields(event);
        ViolationReported violation = new ViolationReported(fields.identifier("caseId", 100), fields.partnerId("partnerId"),
                fields.oneOf("category", Category.class), fields.text("description"));
        fields.validate();
        return violation;
    }
}
