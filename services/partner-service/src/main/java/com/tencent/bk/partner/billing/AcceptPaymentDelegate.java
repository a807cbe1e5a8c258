package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code accept-payment} of {@code payment-exception} (bean {@code applyPayment}: a bean named like the form
 * variable {@code acceptPayment} would be shadowed by it): finance accepted the payment. The case is found by
 * its own process instance, never by an {@code invoiceId} variable a completion could have sent.
 */
@Component("applyPayment")
class AcceptPaymentDelegate implements JavaDelegate {

    private final PaymentCases cases;

    AcceptPaymentDelegate(PaymentCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.settle(execution.getProcessInstanceId(), ProcessVariables.of(execution).partnerId());
    }
}
