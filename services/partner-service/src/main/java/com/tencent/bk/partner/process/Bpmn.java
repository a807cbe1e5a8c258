package com.tencent.bk.partner.process;

/** Ids fixed by docs/contracts.md and the models in bpmn/. */
public final class Bpmn {

    public static final String ONBOARDING = "partner-onboarding";
    public static final String PAYMENT_EXCEPTION = "payment-exception";
    public static final String TIER_REEVALUATION = "tier-reevaluation";
    public static final String CONTRACT_TERMINATION = "contract-termination";
    public static final String PARTNER_RENEWAL = "partner-renewal";
    public static final String QUARTERLY_AUDIT = "quarterly-audit";
    public static final String COURSE_REVIEW = "course-review";
    public static final String COURSE_SUSPENSION = "course-suspension";
    public static final String REVIEW_COURSE = "review-course";
    /** To the suspension of a course whose partner named certified replacement instructors. */
    public static final String INSTRUCTORS_REPLACED_MESSAGE = "CourseInstructorsReplaced";
    public static final String CONFIRM_TERMINATION = "confirm-termination";
    public static final String AUDIT_REQUESTED_MESSAGE = "AuditRequested";
    /** Business key = referralId. */
    public static final String LEAD_REFERRAL = "lead-referral";
    public static final String PLACE_REFERRAL = "place-referral";
    public static final String REFERRAL_ACCEPTED_MESSAGE = "ReferralAccepted";
    public static final String REFERRAL_DECLINED_MESSAGE = "ReferralDeclined";
    public static final String REFERRAL_WITHDRAWN_MESSAGE = "ReferralOfferWithdrawn";

    public static final String REVIEW_APPLICATION = "review-application";
    public static final String APPROVE_APPLICATION = "approve-application";
    public static final String SIGN_CONTRACT = "sign-contract";
    public static final String RESOLVE_PAYMENT = "resolve-payment";
    public static final String AWAIT_FEE = "await-fee";
    public static final String REVIEW_RENEWAL = "review-renewal";
    public static final String SIGN_RENEWAL = "sign-renewal";
    public static final String AUDIT_PARTNER = "audit-partner";
    public static final String AUDIT_OUTCOME = "auditOutcome";

    public static final String FEE_PAID_MESSAGE = "FeePaid";
    public static final String HEADCOUNT_CHANGED_MESSAGE = "HeadcountChanged";
    /** To a renewal waiting for a partner that was not qualified at its renewal check. */
    public static final String PARTNER_QUALIFIED_MESSAGE = "PartnerQualified";
    public static final String FOLLOW_UP_SHORTFALL = "follow-up-shortfall";

    public static final String REVIEWERS = "partner-reviewers";
    public static final String MANAGERS = "partner-managers";
    public static final String FINANCE = "finance";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "camunda-admin";

    private Bpmn() {
    }
}
