package com.tencent.bk.partner.billing;

import java.util.UUID;

/**
 * Published (in-process, inside the payment's transaction) when an invoice is paid in full. The processes
 * waiting for the fee listen for it.
 */
public record FeePaid(String invoiceId, String partnerId, UUID applicationId, InvoicePurpose purpose) {
}
