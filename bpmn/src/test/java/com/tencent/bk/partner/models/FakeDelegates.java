package com.tencent.bk.partner.models;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;

/**
 * Stand-ins for the service's beans, by the names the models call through {@code delegateExpression}.
 * Each records that it was called and sets the variables the real bean would.
 */
final class FakeDelegates {

    static final Duration REMINDER_AFTER = Duration.ofDays(20);
    static final Duration DUE_AFTER = Duration.ofDays(30);
    static final Duration GRACE_PERIOD = Duration.ofDays(90);

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> paidInvoices = ConcurrentHashMap.newKeySet();
    private final Queue<Boolean> recheckResults = new ConcurrentLinkedQueue<>();
    private final StartingOutcome startingOutcome = new StartingOutcome();
    private final AtomicBoolean renewalQualifies = new AtomicBoolean(true);
    private final AtomicBoolean companyShortAtSigning = new AtomicBoolean(false);
    private final List<String> auditSample = new CopyOnWriteArrayList<>();
    private final List<AuditOutcome> auditOutcomes = new CopyOnWriteArrayList<>();

    /** What {@code recordAuditOutcome} received for one audited partner. */
    record AuditOutcome(String partnerId, String outcome, String comment) {
    }

    Map<Object, Object> beans() {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("checkQualification", delegate("checkQualification", this::checkQualification));
        beans.put("reviewDecisionRecorder", listener("reviewDecisionRecorder", this::recordReviewDecision));
        beans.put("fourEyesGuard", listener("fourEyesGuard", task -> { }));
        beans.put("recordApproval", delegate("recordApproval",
                execution -> execution.setVariable("feeRequired", "ENTERPRISE".equals(execution.getVariable("partnerType")))));
        beans.put("requestInvoice", delegate("requestInvoice", this::requestInvoice));
        beans.put("checkFeePaid", delegate("checkFeePaid",
                execution -> execution.setVariable("feePaid", paidInvoices.contains((String) execution.getVariable("invoiceId")))));
        beans.put("sendFeeReminder", delegate("sendFeeReminder", execution -> { }));
        beans.put("cancelUnpaidApplication", delegate("cancelUnpaidApplication", execution -> { }));
        beans.put("signingQualification", listener("signingQualification", task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) && companyShortAtSigning.get()
                    && Boolean.TRUE.equals(task.getVariable("contractSigned"))) {
                throw new IllegalStateException("headcount short at signing");
            }
        }));
        beans.put("activatePartner", delegate("activatePartner", execution -> { }));
        beans.put("rejectApplication", delegate("rejectApplication", execution -> { }));
        beans.put("paymentDecisionRecorder", listener("paymentDecisionRecorder", task -> { }));
        beans.put("applyPayment", delegate("applyPayment", execution -> { }));
        beans.put("startingOutcome", startingOutcome);
        beans.put("changeLevel", delegate("changeLevel", execution -> { }));
        beans.put("openShortfall", delegate("openShortfall", this::openShortfall));
        // the figures the follow-up form shows, local to the task (not a step of the process: not in calls()); the
        // service's listener puts only the deciding evaluation's id there, and its form service reads the figures
        beans.put("shortfallFigures", (TaskListener) task -> task.setVariablesLocal(Map.of("automationService", 2,
                "automationUsage", 3, "development", 3, "requiredAutomationService", 3, "requiredAutomationUsage", 0,
                "requiredDevelopment", 3)));
        beans.put("recheckHeadcount", delegate("recheckHeadcount",
                execution -> execution.setVariable("restored", Boolean.TRUE.equals(recheckResults.poll()))));
        beans.put("closeShortfall", delegate("closeShortfall", execution -> { }));
        beans.put("concludeShortfall", delegate("concludeShortfall", execution -> { }));
        beans.put("terminationFourEyesGuard", listener("terminationFourEyesGuard", task -> { }));
        beans.put("terminatePartnership", delegate("terminatePartnership", execution -> { }));
        beans.put("closeTerminationCase", delegate("closeTerminationCase", execution -> { }));
        beans.put("checkRenewalQualification", delegate("checkRenewalQualification", this::checkRenewalQualification));
        beans.put("confirmRenewalQualification", delegate("confirmRenewalQualification",
                this::checkRenewalQualification));
        beans.put("sendRenewalFeeReminder", delegate("sendRenewalFeeReminder", execution -> { }));
        beans.put("signRenewalGuard", listener("signRenewalGuard", task -> { }));
        beans.put("assessRenewalFee", delegate("assessRenewalFee",
                execution -> execution.setVariable("renewalFeeRequired", "ENTERPRISE".equals(execution.getVariable("partnerType")))));
        beans.put("requestRenewalInvoice", delegate("requestRenewalInvoice", this::requestRenewalInvoice));
        beans.put("checkRenewalFeePaid", delegate("checkRenewalFeePaid",
                execution -> execution.setVariable("feePaid", paidInvoices.contains((String) execution.getVariable("invoiceId")))));
        beans.put("announceNonRenewal", delegate("announceNonRenewal", execution -> { }));
        beans.put("expirePartnership", delegate("expirePartnership", execution -> { }));
        beans.put("renewContract", delegate("renewContract", execution -> { }));
        beans.put("drawAuditSample", delegate("drawAuditSample", this::drawAuditSample));
        beans.put("auditCaseOpened", executionListener("auditCaseOpened", this::openAuditCase));
        beans.put("recordAuditOutcome", delegate("recordAuditOutcome", execution -> auditOutcomes.add(new AuditOutcome(
                (String) execution.getVariable("auditedPartnerId"), (String) execution.getVariable("auditOutcome"),
                (String) execution.getVariable("comment")))));
        beans.put("taskDecisions", new Decisions());
        beans.put("onboardingGateways", new OnboardingGateways());
        return beans;
    }

    /**
     * Stands in for the service's decision log: here a completion's variables land in the process scope, so the
     * decision of a task is the variable it declares.
     */
    public static final class Decisions {

        private static final Map<String, String> DECISION_OF = Map.of("review-application", "approved",
                "approve-application", "approved", "sign-contract", "contractSigned", "review-renewal", "approved",
                "sign-renewal", "contractSigned", "confirm-termination", "confirmed", "resolve-payment", "acceptPayment");

        public boolean isYes(DelegateExecution execution, String taskKey) {
            return Boolean.TRUE.equals(execution.getVariable(DECISION_OF.get(taskKey)));
        }
    }

    /** Stands in for the service's reading of the application's type from its row. */
    public static final class OnboardingGateways {

        public boolean needsManagerApproval(DelegateExecution execution) {
            return "ENTERPRISE".equals(execution.getVariable("partnerType"));
        }
    }

    void reset() {
        calls.clear();
        paidInvoices.clear();
        recheckResults.clear();
        renewalQualifies.set(true);
        companyShortAtSigning.set(false);
        auditSample.clear();
        auditOutcomes.clear();
    }

    /** Calls in order; task listeners are recorded as {@code bean:event}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** {@code signingQualification} refuses a signature, as the service's does while the company is short. */
    void companyShortAtSigning() {
        companyShortAtSigning.set(true);
    }

    /** The payment for this invoice arrived before the process asks for it. */
    void paymentAlreadyReceived(String invoiceId) {
        paidInvoices.add(invoiceId);
    }

    /** What the registry holds as the partner's last decision when its {@code tier-reevaluation} starts. */
    void decided(String outcome) {
        startingOutcome.outcome = outcome;
    }

    /** The service's {@code startingOutcome}: the gateway asks it, by business key, never a process variable. */
    public static final class StartingOutcome {

        private volatile String outcome;

        public boolean isUpgrade(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return "UPGRADE".equals(outcome);
        }
    }

    /** What the next calls of {@code recheckHeadcount} find, in order; {@code restored=false} once these run out. */
    void recheckFinds(Boolean... restored) {
        recheckResults.addAll(List.of(restored));
    }

    static String invoiceIdFor(String applicationId) {
        return "INV-" + applicationId;
    }

    /** Whether the next {@code checkRenewalQualification} finds the partner renewable (it does unless told). */
    void renewalQualifies(boolean renewable) {
        renewalQualifies.set(renewable);
    }

    static String renewalInvoiceIdFor(String contractId) {
        return "INV-RENEWAL-" + contractId;
    }

    /** The partners the next {@code drawAuditSample} draws (none unless told). */
    void auditSampleWillBe(String... partnerIds) {
        auditSample.clear();
        auditSample.addAll(List.of(partnerIds));
    }

    /** What {@code recordAuditOutcome} received, in order. */
    List<AuditOutcome> auditOutcomes() {
        return List.copyOf(auditOutcomes);
    }

    static String companyNameFor(String partnerId) {
        return "抽查公司 Audited company " + partnerId;
    }

    private JavaDelegate delegate(String bean, VariableSetter body) {
        return execution -> {
            calls.add(bean);
            body.apply(execution);
        };
    }

    private TaskListener listener(String bean, TaskListener body) {
        return task -> {
            calls.add(bean + ":" + task.getEventName());
            body.notify(task);
        };
    }

    private ExecutionListener executionListener(String bean, ExecutionListener body) {
        return execution -> {
            calls.add(bean + ":" + execution.getEventName());
            body.notify(execution);
        };
    }

    private void checkQualification(DelegateExecution execution) {
        boolean enterprise = "ENTERPRISE".equals(execution.getVariable("partnerType"));
        execution.setVariable("automationService", 4);
        execution.setVariable("automationUsage", 5);
        execution.setVariable("development", 3);
        execution.setVariable("requiredAutomationService", enterprise ? 3 : 2);
        execution.setVariable("requiredAutomationUsage", 0);
        execution.setVariable("requiredDevelopment", enterprise ? 3 : 1);
        execution.setVariable("qualified", true);
        execution.setVariable("proposedLevel", enterprise ? "TRIAL" : null);
        execution.setVariable("qualificationSummary", "headcount meets the minimum");
    }

    private void recordReviewDecision(DelegateTask task) {
        task.setVariable("reviewedBy", task.getAssignee());
        task.setVariable("reviewApproved", task.getVariable("approved"));
        task.setVariable("reviewComment", task.getVariable("comment"));
    }

    private void requestInvoice(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.plus(DUE_AFTER);
        execution.setVariable("invoiceId", invoiceIdFor((String) execution.getVariable("applicationId")));
        execution.setVariable("invoiceAmount", "30000.00");
        execution.setVariable("invoiceCurrency", "CNY");
        execution.setVariable("invoiceDueOn", due.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        execution.setVariable("feeReminderAt", now.plus(REMINDER_AFTER).toString());
        execution.setVariable("feeDueAt", due.toString());
    }

    private void checkRenewalQualification(DelegateExecution execution) {
        boolean renewable = renewalQualifies.get();
        boolean enterprise = "ENTERPRISE".equals(execution.getVariable("partnerType"));
        execution.setVariable("renewable", renewable);
        execution.setVariable("renewalAssessment", renewable ? "headcount meets the minimum"
                : "automation engineers (service level): 2 of 5 required");
        execution.setVariable("renewalLevel", enterprise && renewable ? "LEVEL_3" : null);
        execution.setVariable("automationService", renewable ? 5 : 2);
        execution.setVariable("automationUsage", renewable ? 6 : 3);
        execution.setVariable("development", 5);
        execution.setVariable("requiredAutomationService", enterprise ? 5 : 2);
        execution.setVariable("requiredAutomationUsage", 0);
        execution.setVariable("requiredDevelopment", enterprise ? 5 : 1);
    }

    private void requestRenewalInvoice(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable("invoiceId", renewalInvoiceIdFor((String) execution.getVariable("contractId")));
        execution.setVariable("invoiceAmount", "50000.00");
        execution.setVariable("invoiceCurrency", "CNY");
        execution.setVariable("invoiceDueOn", now.plus(DUE_AFTER).atOffset(ZoneOffset.UTC).toLocalDate().toString());
        execution.setVariable("renewalFeeReminderAt", now.plus(REMINDER_AFTER).toString());
    }

    /** The sample is a java.util.List stored as JSON (Java serialization is off, as in the service). */
    private void drawAuditSample(DelegateExecution execution) {
        List<String> sample = new ArrayList<>(auditSample);
        execution.setVariable("auditId", "AUDIT-" + ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS));
        execution.setVariable("sampledPartners",
                Variables.objectValue(sample).serializationDataFormat(SerializationDataFormats.JSON).create());
        execution.setVariable("sampleSize", sample.size());
        execution.setVariable("auditSeed", 20261125L);
    }

    /** Runs in each case's own scope: everything it sets is local to the case. */
    private void openAuditCase(DelegateExecution execution) {
        String partnerId = (String) execution.getVariable("auditedPartnerId");
        execution.setVariableLocal("companyName", companyNameFor(partnerId));
        execution.setVariableLocal("partnerType", "ENTERPRISE");
        execution.setVariableLocal("currentLevel", "LEVEL_3");
        execution.setVariableLocal("evidenceSummary", "5 automation (service), 5 development certificates on file");
        execution.setVariableLocal("automationService", 5);
        execution.setVariableLocal("automationUsage", 5);
        execution.setVariableLocal("development", 5);
        execution.setVariableLocal("requiredAutomationService", 5);
        execution.setVariableLocal("requiredAutomationUsage", 0);
        execution.setVariableLocal("requiredDevelopment", 5);
    }

    private void openShortfall(DelegateExecution execution) {
        Instant graceEndsAt = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS).plus(GRACE_PERIOD);
        execution.setVariable("graceEndsAt", graceEndsAt.toString());
        execution.setVariable("graceEndsOn", graceEndsAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    @FunctionalInterface
    private interface VariableSetter {
        void apply(DelegateExecution execution);
    }
}
