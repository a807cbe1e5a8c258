package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {ProcessTestSupport.PAYMENT_EXCEPTION_BPMN, ProcessTestSupport.RESOLVE_PAYMENT_FORM})
class PaymentExceptionProcessTest extends ProcessTestSupport {

    private static final String PARTNER_ID = "91350100M000100Y43";

    @Test
    void shortPaymentAcceptedByFinanceIsApplied() {
        ProcessInstance instance = paymentNeedsAttention("SHORT_PAYMENT", "INV-app-1", "29000.00", "30000.00");

        complete(resolvePaymentTask(instance), withVariables("acceptPayment", true, "comment", "bank fee deducted"));

        assertThat(instance).isEnded().hasPassed("accept-payment", "payment-accepted-end");
        assertThat(fakes.calls()).containsExactly("paymentDecisionRecorder:complete", "applyPayment");
    }

    @Test
    void unknownInvoicePaymentNotAcceptedIsLeftUnapplied() {
        ProcessInstance instance = paymentNeedsAttention("UNKNOWN_INVOICE", "INV-unknown", "500.00", null);

        complete(resolvePaymentTask(instance), withVariables("acceptPayment", false, "comment", "refund requested"));

        assertThat(instance).isEnded().hasPassed("payment-left-unapplied").hasNotPassed("accept-payment");
        assertThat(fakes.calls()).as("the decision is recorded, nothing applied").containsExactly("paymentDecisionRecorder:complete");
    }

    private ProcessInstance paymentNeedsAttention(String problem, String invoiceId, String paid, String expected) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceId", invoiceId);
        variables.put("paymentPartnerId", PARTNER_ID);
        variables.put("paymentProblem", problem);
        variables.put("paidAmount", paid);
        variables.put("paidCurrency", "CNY");
        variables.put("expectedAmount", expected);
        variables.put("expectedCurrency", expected == null ? null : "CNY");
        variables.put("paymentEventId", "billing/evt-1");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("payment-exception", PARTNER_ID, variables);
        assertThat(instance).isStarted().hasBusinessKey(PARTNER_ID).isWaitingAt("resolve-payment");
        return instance;
    }

    private static Task resolvePaymentTask(ProcessInstance instance) {
        Task task = task("resolve-payment", instance);
        assertThat(task).hasCandidateGroup("finance");
        assertFormRef(task, "resolve-payment");
        return task;
    }
}
