package com.tencent.bk.partner.models;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

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
        beans.put("activatePartner", delegate("activatePartner", execution -> { }));
        beans.put("rejectApplication", delegate("rejectApplication", execution -> { }));
        beans.put("applyPayment", delegate("applyPayment", execution -> { }));
        beans.put("changeLevel", delegate("changeLevel", execution -> { }));
        beans.put("openShortfall", delegate("openShortfall", this::openShortfall));
        beans.put("recheckHeadcount", delegate("recheckHeadcount",
                execution -> execution.setVariable("restored", Boolean.TRUE.equals(recheckResults.poll()))));
        beans.put("closeShortfall", delegate("closeShortfall", execution -> { }));
        beans.put("concludeShortfall", delegate("concludeShortfall", execution -> { }));
        return beans;
    }

    void reset() {
        calls.clear();
        paidInvoices.clear();
        recheckResults.clear();
    }

    /** Calls in order; task listeners are recorded as {@code bean:event}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The payment for this invoice arrived before the process asks for it. */
    void paymentAlreadyReceived(String invoiceId) {
        paidInvoices.add(invoiceId);
    }

    /** What the next calls of {@code recheckHeadcount} find, in order; {@code restored=false} once these run out. */
    void recheckFinds(Boolean... restored) {
        recheckResults.addAll(List.of(restored));
    }

    static String invoiceIdFor(String applicationId) {
        return "INV-" + applicationId;
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
