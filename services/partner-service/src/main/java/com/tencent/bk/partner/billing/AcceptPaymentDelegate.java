package com.tencent.bk.partner.billing;

import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code accept-payment} of {@code payment-exception} (bean {@code applyPayment}: a bean named like the form variable {@code acceptPayment} would be shadowed by it): finance accepted the payment as settling the invoice. */
@Component("applyPayment")
class AcceptPaymentDelegate implements JavaDelegate {

    private final Payments payments;

    AcceptPaymentDelegate(Payments payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.acceptManually(ProcessVariables.of(execution).text(Variables.INVOICE_ID));
    }
}
