package com.tencent.bk.partner.billing;

/** Why the money of a {@code payment-exception} case is to be returned instead of settling an invoice. */
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
    RENEWAL_LAPSED
}
