/**
 * Service fees: the fee schedule, invoices requested from billing ({@code bk.partner.invoice-requested}) and
 * payments reported by billing on {@code bk.payment.events}. A payment that matches its invoice marks it
 * paid and announces {@link com.tencent.bk.partner.billing.FeePaid} to the processes; any other payment is
 * kept and becomes a task for {@code finance}: a {@code payment-exception} case bound to that payment in
 * {@code program.payment_case}, which settles at most the payment's own invoice and otherwise records the
 * money as to be returned, with who decided and why.
 */
package com.tencent.bk.partner.billing;
