/**
 * Service fees: the fee schedule, invoices requested from billing ({@code bk.partner.invoice-requested}) and
 * payments reported by billing on {@code bk.payment.events}. A payment that matches its invoice marks it
 * paid and announces {@link com.tencent.bk.partner.billing.FeePaid} to the processes; any other payment is
 * kept and becomes a task for {@code finance}: a {@code payment-exception} case bound to that payment in
 * {@code program.payment_case}, which settles at most the payment's own invoice and otherwise records the
 * money as to be returned, with who decided and why. The fee of an application that ended without a
 * partnership is recorded there as to be returned too ({@code APPLICATION_ENDED},
 * {@link com.tencent.bk.partner.billing.FeesOfEndedApplications}). A refund terminates only when it leaves its
 * invoice no longer covered (received less refunded below what settled it); a refund of a duplicate or an
 * overpayment is recorded and changes nothing else.
 */
package com.tencent.bk.partner.billing;
