package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing {@code sign-renewal} with {@code contractSigned=true}: the renewal is signed only for a partner
 * that confirmed the attestations for this renewal and qualifies now, read from the tables. Otherwise the
 * completion is refused (409) and the task stays open until it does, or until the contract's end lets the
 * renewal lapse. Not signing is always possible.
 */
@Component("signRenewalGuard")
class SignRenewalGuard implements TaskListener {

    private final Renewals renewals;
    private final DecisionLog decisions;

    SignRenewalGuard(Renewals renewals, DecisionLog decisions) {
        this.renewals = renewals;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        if (decisions.latest(task.getExecution(), Bpmn.SIGN_RENEWAL).isYes()) {
            renewals.requireSignable(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey());
        }
    }
}
