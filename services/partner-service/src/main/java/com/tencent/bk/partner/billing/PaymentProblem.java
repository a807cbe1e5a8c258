package com.tencent.bk.partner.billing;

/** Why a received payment could not be applied by itself and needs finance. */
enum PaymentProblem {
    /** No invoice with that id was ever requested. */
    UNKNOWN_INVOICE,
    /** Less than the invoiced amount. */
    SHORT_PAYMENT,
    /** Paid in another currency than invoiced. */
    CURRENCY_MISMATCH,
    /** For an invoice already paid, cancelled, refunded, or of another partner. */
    UNEXPECTED_PAYMENT
}
