package com.tencent.bk.partner.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencent.bk.partner.billing.FeeSchedule;
import com.tencent.bk.partner.certification.CountedCertificate;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a reviewer or manager decides on, beyond the computed headcount, for the review and approval steps: the
 * attestations, the certificates behind the counts, what approval leads to, and the company's earlier
 * applications and termination cases. Set as variables local to the task, read from the tables; the forms show
 * the two lists with form-js's table component (JSON variables, which Tasklist hands to the form as lists).
 */
@Component
class DecisionContext {

    static final String ATTESTATIONS = "attestations";
    static final String CERTIFICATES = "certificates";
    static final String APPROVAL_LEADS_TO = "approvalLeadsTo";
    static final String COMPANY_HISTORY = "companyHistory";
    static final Set<String> STEPS = Set.of(Bpmn.REVIEW_APPLICATION, Bpmn.APPROVE_APPLICATION, Bpmn.REVIEW_RENEWAL);

    private static final String THEN = " → ";

    private final Headcounts headcounts;
    private final CompanyRecord record;
    private final FeeSchedule fees;
    private final ObjectMapper json;

    DecisionContext(Headcounts headcounts, CompanyRecord record, FeeSchedule fees, ObjectMapper json) {
        this.headcounts = headcounts;
        this.record = record;
        this.fees = fees;
        this.json = json;
    }

    /** The task-local variables of a review or approval task; none for other steps. */
    Map<String, Object> of(DelegateTask task, Partner partner, PartnerLevel levelAtStake) {
        String step = task.getTaskDefinitionKey();
        if (!STEPS.contains(step)) {
            return Map.of();
        }
        boolean renewal = Bpmn.REVIEW_RENEWAL.equals(step);
        String processInstanceId = task.getProcessInstanceId();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ATTESTATIONS, attestations(renewal ? record.ofRenewal(processInstanceId)
                : record.ofApplication(partner.partnerId())));
        variables.put(CERTIFICATES, asJson(certificates(partner.partnerId())));
        variables.put(APPROVAL_LEADS_TO, approvalLeadsTo(step, partner.type(), levelAtStake));
        variables.put(COMPANY_HISTORY, asJson(record.history(partner.partnerId())));
        return variables;
    }

    static String attestations(Optional<CompanyRecord.Attestations> given) {
        return given.map(a -> mark(a.acceptsProgramRules()) + " 接受计划规则 Accepts the program rules\n"
                        + mark(a.noCompetingProducts()) + " 不销售竞品 Sells no competing products")
                .orElse("尚未确认 Not confirmed yet: the partner confirms them on the website before signing");
    }

    private static String mark(boolean confirmed) {
        return confirmed ? "✔ 已确认 Confirmed:" : "✘ 未确认 NOT confirmed:";
    }

    private List<Map<String, String>> certificates(String partnerId) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CountedCertificate certificate : headcounts.countedToday(partnerId)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("engineer", certificate.engineerId());
            row.put("track", certificate.track().name());
            row.put("level", certificate.level() == null ? "—" : certificate.level().name());
            row.put("expiresOn", certificate.expiresOn() == null ? "不过期 never" : certificate.expiresOn().toString());
            rows.add(row);
        }
        return rows;
    }

    /** For example "经理审批 Manager approval → 服务费 Service fee 30000.00 CNY → 签约 Signing → …". */
    String approvalLeadsTo(String step, PartnerType type, PartnerLevel level) {
        List<String> steps = new ArrayList<>();
        if (Bpmn.REVIEW_APPLICATION.equals(step) && type == PartnerType.ENTERPRISE) {
            steps.add("经理审批 Manager approval (ENTERPRISE)");
        }
        boolean renewal = Bpmn.REVIEW_RENEWAL.equals(step);
        steps.add(fees.feeFor(type, level)
                .map(fee -> (renewal ? "续约服务费 Renewal fee " : "服务费发票 Service fee invoice ")
                        + fee.amount().toPlainString() + " " + fee.currency())
                .orElse("无服务费 No fee"));
        steps.add(renewal ? "签署续约 Signing the renewal" : "签约 Signing the contract");
        String outcome = renewal ? "续约一年 Renewed for a year" : "成为合作伙伴 Active partner";
        steps.add(level == null ? outcome : outcome + ", " + ProgramNames.level(level));
        return "通过后 If approved: " + String.join(THEN, steps);
    }

    private Object asJson(List<?> rows) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A form table cannot be written as JSON", e);
        }
    }
}
