package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.TaskActors;
import com.tencent.bk.partner.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code resolve-payment}: keeps on the case's row who decided (the authenticated user, not a
 * variable) and their comment; a declined payment is recorded there as to be returned.
 */
@Component("paymentDecisionRecorder")
class PaymentDecisionRecorder implements TaskListener {

    private final TaskActors actors;
    private final PaymentCases cases;

    PaymentDecisionRecorder(TaskActors actors, PaymentCases cases) {
        this.actors = actors;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessVariables variables = ProcessVariables.of(task);
        cases.decide(task.getProcessInstanceId(), variables.partnerId(), variables.flag(Variables.ACCEPT_PAYMENT),
                actors.completingUser(task), variables.optionalText(Variables.COMMENT),
                variables.optionalText("paymentEventId"));
    }
}
