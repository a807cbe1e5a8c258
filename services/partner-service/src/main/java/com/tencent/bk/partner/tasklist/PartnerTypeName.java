package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.process.FormFiguresSource;
import com.tencent.bk.partner.process.Variables;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The partner's type in words ({@code partnerTypeName}, e.g. "企业版技术合作伙伴 Enterprise-edition technical partner
 * (ENTERPRISE)"), which every form shows instead of the bare code: named from the code the task lists when its
 * form is opened, rather than stored on every task beside it.
 */
@Component
class PartnerTypeName implements FormFiguresSource {

    @Override
    public Object referenceOf(DelegateTask task) {
        return task.getVariableLocal(ListedVariables.PARTNER_TYPE);
    }

    @Override
    public Map<String, Object> figures(Object reference) {
        return Arrays.stream(PartnerType.values()).filter(type -> type.name().equals(reference)).findFirst()
                .<Map<String, Object>>map(type -> Map.of(Variables.PARTNER_TYPE_NAME, ProgramNames.type(type)))
                .orElse(Map.of());
    }
}
