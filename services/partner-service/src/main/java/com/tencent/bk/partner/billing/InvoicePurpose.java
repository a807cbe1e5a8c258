package com.tencent.bk.partner.billing;

public enum InvoicePurpose {
    ONBOARDING, RENEWAL
}
