package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.billing.FeeSchedule;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Variables;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Runs when any user task of the program is created ({@link TaskPresentationPlugin} attaches it to every one):
 * names the task after its step, company and type, sets its due date from the step's SLA and its follow-up date
 * from the process's own deadline, and keeps the variables the Tasklist filters show as variables local to the
 * task ({@link ListedVariables}), with what a review decides on ({@link DecisionContext}) and the earlier decisions
 * of the process as comments ({@link EarlierDecisions}); the type in words its forms show is named when a form is
 * opened ({@link PartnerTypeName}). Company and type come from the registry by the partner the task is about (the
 * business key, or the audited partner of an audit case); for the steps of an application its proposed level and
 * invoiced fee from their rows ({@link ApplicationAtStake}); for other steps levels, amounts and deadlines from what
 * the service itself recorded in the process. Users cannot change any of it: candidates may only work a task ({@code TASK_WORK}), and a
 * completion carries only the task's declared decision.
 */
@Component
class TaskPresentation implements TaskListener {

    static final String SEPARATOR = " · ";
    private static final String AUDITED_PARTNER = "auditedPartnerId";
    /** The processes with a deadline of their own, and the variable holding it (an instant the service set). */
    static final Map<String, String> DEADLINES = Map.of(Bpmn.TIER_REEVALUATION, "graceEndsAt",
            Bpmn.PARTNER_RENEWAL, "contractEndsAt");
    /** Steps of an application, whose level and fee at stake are read from its row ({@link ApplicationAtStake}). */
    private static final Set<String> ONBOARDING_STEPS = Set.of(Bpmn.REVIEW_APPLICATION, Bpmn.APPROVE_APPLICATION,
            Bpmn.SIGN_CONTRACT);
    /** Steps whose approval charges the fee of the level at stake, before any invoice exists. */
    private static final Set<String> APPROVALS = Set.of(Bpmn.REVIEW_APPLICATION, Bpmn.APPROVE_APPLICATION,
            Bpmn.REVIEW_RENEWAL);

    private final PartnerRegistry registry;
    private final FeeSchedule fees;
    private final ProgramClock clock;
    private final TasklistProperties properties;
    private final DecisionContext context;
    private final EarlierDecisions earlierDecisions;
    private final ApplicationAtStake applications;

    TaskPresentation(PartnerRegistry registry, FeeSchedule fees, ProgramClock clock, TasklistProperties properties,
                     DecisionContext context, EarlierDecisions earlierDecisions, ApplicationAtStake applications) {
        this.registry = registry;
        this.fees = fees;
        this.clock = clock;
        this.properties = properties;
        this.context = context;
        this.earlierDecisions = earlierDecisions;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String taskKey = task.getTaskDefinitionKey();
        String partnerId = partnerIdOf(task);
        Optional<Partner> partner = partnerId == null ? Optional.empty() : registry.find(partnerId);

        task.setName(name(stepName(task), partner));
        task.setDueDate(Date.from(dueAt(taskKey)));
        followUpAt(task).ifPresent(at -> task.setFollowUpDate(Date.from(at)));

        // an onboarding step reads what is at stake from the application's rows, not from the process's copies
        // (which a first read would load all of, 27 by signing)
        boolean onboarding = ONBOARDING_STEPS.contains(taskKey);
        Optional<ApplicationAtStake.Stake> application = onboarding && partnerId != null
                ? applications.of(partnerId) : Optional.empty();
        PartnerLevel level = onboarding
                ? application.map(ApplicationAtStake.Stake::proposedLevel).orElseGet(() -> currentLevel(partner))
                : levelAtStake(task, partner);
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put(ListedVariables.PARTNER_ID, partnerId);
        listed.put(ListedVariables.COMPANY_NAME, partner.map(Partner::companyName).orElse(null));
        listed.put(ListedVariables.PARTNER_TYPE, partner.map(p -> p.type().name()).orElse(null));
        listed.put(ListedVariables.LEVEL_AT_STAKE, ProgramNames.level(level));
        listed.put(ListedVariables.AMOUNT_AT_STAKE, onboarding
                ? invoicedOrFee(task, application.map(ApplicationAtStake.Stake::invoiced).orElse(null), partner, level)
                : amountAtStake(task, partner, level));
        listed.put(ListedVariables.GRACE_ENDS_ON,
                Bpmn.FOLLOW_UP_SHORTFALL.equals(taskKey) ? text(task, ListedVariables.GRACE_ENDS_ON) : null);
        partner.ifPresent(p -> listed.putAll(context.of(task, p, level)));
        // a value the task does not have is left out, not written as null: two rows fewer per absent value
        // (runtime and history); a filter's column shows it blank and sorts it with the nulls either way
        listed.values().removeIf(Objects::isNull);
        task.setVariablesLocal(listed);
        earlierDecisions.addTo(task);
    }

    /** "审核申请 Review application · 泉州某科技有限公司 · BRAND"; the step's name alone when the company is unknown. */
    static String name(String stepName, Optional<Partner> partner) {
        return partner.map(p -> stepName + SEPARATOR + p.companyName() + SEPARATOR + p.type().name())
                .orElse(stepName);
    }

    /** Due at the end of the program day that is the step's SLA away from today (Asia/Shanghai). */
    Instant dueAt(String taskKey) {
        return clock.today().plusDays(properties.slaDaysOf(taskKey)).atTime(LocalTime.of(23, 59, 59))
                .atZone(ProgramClock.PROGRAM_ZONE).toInstant();
    }

    private static String stepName(DelegateTask task) {
        String modelName = task.getBpmnModelElementInstance() == null ? null
                : task.getBpmnModelElementInstance().getName();
        return modelName != null ? modelName : task.getName();
    }

    private static String partnerIdOf(DelegateTask task) {
        Object audited = Bpmn.AUDIT_PARTNER.equals(task.getTaskDefinitionKey()) ? task.getVariable(AUDITED_PARTNER)
                : null;
        if (audited != null) {
            return audited.toString();
        }
        if (Bpmn.PLACE_REFERRAL.equals(task.getTaskDefinitionKey())) {
            return null; // a customer's lead, keyed by its referralId: no partner yet
        }
        return task.getExecution().getProcessBusinessKey();
    }

    private static Optional<Instant> followUpAt(DelegateTask task) {
        return Optional.ofNullable(DEADLINES.get(processKeyOf(task))).map(name -> text(task, name))
                .map(Instant::parse);
    }

    /** A definition id is {@code key:version:id}. */
    private static String processKeyOf(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        int colon = definitionId == null ? -1 : definitionId.indexOf(':');
        return colon < 0 ? definitionId : definitionId.substring(0, colon);
    }

    /**
     * The level the decision is about, outside onboarding: the level a renewal would keep, else the partner's
     * current level.
     */
    private static PartnerLevel levelAtStake(DelegateTask task, Optional<Partner> partner) {
        String proposed = switch (task.getTaskDefinitionKey()) {
            case Bpmn.REVIEW_RENEWAL, Bpmn.SIGN_RENEWAL -> text(task, "renewalLevel");
            default -> null;
        };
        return proposed != null ? PartnerLevel.valueOf(proposed) : currentLevel(partner);
    }

    private static PartnerLevel currentLevel(Optional<Partner> partner) {
        return partner.map(Partner::level).orElse(null);
    }

    /** The money the task is about: a payment in question, an invoice issued, or the fee approval would charge. */
    private String amountAtStake(DelegateTask task, Optional<Partner> partner, PartnerLevel level) {
        if (Bpmn.RESOLVE_PAYMENT.equals(task.getTaskDefinitionKey())) {
            return money(text(task, "paidAmount"), text(task, "paidCurrency"));
        }
        return invoicedOrFee(task, money(text(task, Variables.INVOICE_AMOUNT), text(task, Variables.INVOICE_CURRENCY)),
                partner, level);
    }

    /** What was invoiced; before any invoice, the fee an approval would charge. */
    private String invoicedOrFee(DelegateTask task, String invoiced, Optional<Partner> partner, PartnerLevel level) {
        if (invoiced != null || !APPROVALS.contains(task.getTaskDefinitionKey()) || partner.isEmpty()) {
            return invoiced;
        }
        return fees.feeFor(partner.get().type(), level)
                .map(fee -> money(fee.amount().toPlainString(), fee.currency())).orElse(null);
    }

    private static String money(String amount, String currency) {
        return amount == null ? null : amount + (currency == null ? "" : " " + currency);
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
