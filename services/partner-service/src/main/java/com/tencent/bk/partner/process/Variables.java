package com.tencent.bk.partner.process;

/** Names of process variables shared by the models and the code. */
public final class Variables {

    public static final String PARTNER_ID = "partnerId";
    public static final String APPLICATION_ID = "applicationId";
    public static final String PARTNER_TYPE = "partnerType";
    public static final String COMPANY_NAME = "companyName";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_PHONE = "contactPhone";

    public static final String AUTOMATION_SERVICE = "automationService";
    public static final String AUTOMATION_USAGE = "automationUsage";
    public static final String DEVELOPMENT = "development";
    public static final String REQUIRED_AUTOMATION_SERVICE = "requiredAutomationService";
    public static final String REQUIRED_AUTOMATION_USAGE = "requiredAutomationUsage";
    public static final String REQUIRED_DEVELOPMENT = "requiredDevelopment";
    public static final String QUALIFIED = "qualified";
    public static final String PROPOSED_LEVEL = "proposedLevel";
    public static final String QUALIFICATION_SUMMARY = "qualificationSummary";

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String REVIEW_APPROVED = "reviewApproved";
    public static final String REVIEW_COMMENT = "reviewComment";

    public static final String FEE_REQUIRED = "feeRequired";
    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_AMOUNT = "invoiceAmount";
    public static final String INVOICE_CURRENCY = "invoiceCurrency";
    public static final String INVOICE_DUE_ON = "invoiceDueOn";
    public static final String FEE_REMINDER_AT = "feeReminderAt";
    public static final String FEE_DUE_AT = "feeDueAt";
    public static final String FEE_PAID = "feePaid";

    public static final String CONTRACT_SIGNED = "contractSigned";
    public static final String CONTRACT_ID = "contractId";
    /** The level the company's headcount earns when the contract is up for signing (a view for the form). */
    public static final String LEVEL_AT_SIGNING = "levelAtSigning";

    public static final String ACCEPT_PAYMENT = "acceptPayment";

    /** What a task is about, for the Tasklist's lists and forms (with the partner's id, company and type). */
    public static final String PARTNER_TYPE_NAME = "partnerTypeName";
    public static final String LEVEL_AT_STAKE = "levelAtStake";
    public static final String AMOUNT_AT_STAKE = "amountAtStake";
    public static final String GRACE_ENDS_ON = "graceEndsOn";
    /** On a shortfall's follow-up: the tier decision whose figures its form shows (read when it is opened). */
    public static final String SHORTFALL_EVALUATION_ID = "shortfallEvaluationId";

    /**
     * The variables the service copies onto user tasks, local to each, when the task is created: who the task is
     * about and what is at stake on every task, and on a shortfall's follow-up the id of the decision whose
     * headcount and minimums its form shows (tasks created before 2026-12-04 hold the six figures themselves).
     * Copies of, and references to, what the registry holds, for the task's list and form while it is open:
     * {@link ProgramHistoryLevel} writes no history of them.
     */
    public static final java.util.Set<String> COPIED_ONTO_TASKS = java.util.Set.of(PARTNER_ID, COMPANY_NAME,
            PARTNER_TYPE, PARTNER_TYPE_NAME, LEVEL_AT_STAKE, AMOUNT_AT_STAKE, GRACE_ENDS_ON, AUTOMATION_SERVICE,
            AUTOMATION_USAGE, DEVELOPMENT, REQUIRED_AUTOMATION_SERVICE, REQUIRED_AUTOMATION_USAGE,
            REQUIRED_DEVELOPMENT, SHORTFALL_EVALUATION_ID);

    private Variables() {
    }
}
