package com.tencent.bk.partner.billing;

/**
 * Why the money of a payment case is to be returned instead of settling an invoice: a {@code payment-exception}
 * case finance decided, the fee of an application that ended ({@link #APPLICATION_ENDED}), or the fee of a
 * renewal that was not concluded.
 */
public enum ReturnReason {
    /** Finance declined the payment. */
    DECLINED,
    /** The payment named no invoice ever requested. */
    UNKNOWN_INVOICE,
    /** The payment named an invoice of another company. */
    ANOTHER_PARTNERS_INVOICE,
    /** The invoice was paid, cancelled or refunded meanwhile. */
    INVOICE_NOT_OPEN,
    /** Paid in another currency than invoiced. */
    CURRENCY_MISMATCH,
    /** Short of the invoice by more than finance may write off. */
    SHORT_PAYMENT,
    /** A paid renewal fee: the manager decided not to sign the renewal. */
    RENEWAL_NOT_SIGNED,
    /** A paid renewal fee: the partnership ended before the renewal was signed. */
    RENEWAL_LAPSED,
    /**
     * The payment paid its invoice, but the application it was for ended without a partnership (contract not
     * signed, rejected, or the applicant terminated): nobody owes the program this fee.
     */
    APPLICATION_ENDED
}
