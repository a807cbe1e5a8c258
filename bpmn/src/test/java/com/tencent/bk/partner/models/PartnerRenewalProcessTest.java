package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {ProcessTestSupport.PARTNER_RENEWAL_BPMN, ProcessTestSupport.REVIEW_RENEWAL_FORM,
        ProcessTestSupport.SIGN_RENEWAL_FORM})
class PartnerRenewalProcessTest extends ProcessTestSupport {

    private static final String PARTNER_ID = "91350100M000100Y43";
    private static final String CONTRACT_ID = "C-2026-001";
    private static final String RENEWED_CONTRACT_ID = "C-2027-001";
    private static final String INVOICE_ID = FakeDelegates.renewalInvoiceIdFor(CONTRACT_ID);
    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    /** Start of 2027-12-01 in Asia/Shanghai, the day after the contract's last day. */
    private static final Instant CONTRACT_ENDS_AT = Instant.parse("2027-11-30T16:00:00Z");
    private static final Instant RENEWAL_CHECK_AT = CONTRACT_ENDS_AT.minus(Duration.ofDays(90));

    @Test
    void renewalApprovedIsPaidThroughFeePaidThenSignedAndRenewed() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        review(instance, true);

        assertThat(instance).hasPassed("assess-renewal-fee", "request-renewal-invoice")
                .isWaitingAt("check-renewal-fee-paid");
        execute(job(instance));
        assertThat(instance).isWaitingAt("await-renewal-fee").variables()
                .containsEntry("renewalFeeRequired", true)
                .containsEntry("feePaid", false)
                .containsEntry("invoiceId", INVOICE_ID)
                .containsEntry("invoiceAmount", "50000.00")
                .containsEntry("invoiceCurrency", "CNY");
        assertThat(timersDue(instance)).as("the reminder and the contract's end")
                .containsExactlyInAnyOrder(reminderAt(instance), CONTRACT_ENDS_AT);

        runtimeService().createMessageCorrelation("FeePaid")
                .processInstanceVariableEquals("invoiceId", INVOICE_ID)
                .correlateWithResult();

        assertThat(instance).hasPassed("await-renewal-fee").isWaitingAt("sign-renewal");
        sign(instance, true);
        assertThat(instance).isEnded().hasPassed("renew-contract", "contract-renewed")
                .hasNotPassed("announce-non-renewal", "expire-partnership");
        assertThat(instance).variables().containsEntry("contractId", RENEWED_CONTRACT_ID);
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "confirmRenewalQualification",
                "assessRenewalFee", "requestRenewalInvoice", "checkRenewalFeePaid", "signRenewalGuard:complete", "renewContract");
    }

    @Test
    void feePaidBeforeTheProcessWaitsSkipsTheWait() {
        fakes.paymentAlreadyReceived(INVOICE_ID);
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        review(instance, true);

        execute(job(instance));

        assertThat(instance).hasPassed("check-renewal-fee-paid").hasNotPassed("await-renewal-fee")
                .isWaitingAt("sign-renewal");
        assertThat(instance).variables().containsEntry("feePaid", true);
        sign(instance, true);
        assertThat(instance).isEnded().hasPassed("contract-renewed");
    }

    @Test
    void typeWithoutFeeGoesStraightFromApprovalToSigning() {
        ProcessInstance instance = renewalChecked("COMMUNITY");
        review(instance, true);

        assertThat(instance).hasPassed("assess-renewal-fee").hasNotPassed("request-renewal-invoice")
                .isWaitingAt("sign-renewal");
        assertThat(instance).variables().containsEntry("renewalFeeRequired", false);
        sign(instance, true);

        assertThat(instance).isEnded().hasPassed("renew-contract", "contract-renewed");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "confirmRenewalQualification",
                "assessRenewalFee", "signRenewalGuard:complete", "renewContract");
    }

    @Test
    void partnerNotQualifiedAtTheCheckHasUntilTheContractEndThenIsAnnouncedAndExpires() {
        fakes.renewalQualifies(false);
        ProcessInstance instance = renewalChecked("ENTERPRISE");

        assertThat(instance).isWaitingAt("await-qualification").hasNotPassed("review-renewal", "announce-non-renewal");
        assertThat(instance).variables().containsEntry("renewable", false).containsEntry("renewalLevel", null);
        contractEnds(instance);

        assertThat(instance).hasPassed("qualification-deadline-passed", "announce-non-renewal")
                .isWaitingAt("contract-ended");
        contractEnds(instance);
        assertThat(instance).isEnded().hasPassed("contract-ended", "expire-partnership", "partnership-expired");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "announceNonRenewal",
                "expirePartnership");
    }

    @Test
    void partnerQualifyingBeforeTheContractEndIsCheckedAgainAndGoesToReview() {
        fakes.renewalQualifies(false);
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        assertThat(instance).isWaitingAt("await-qualification");

        fakes.renewalQualifies(true);
        runtimeService().createMessageCorrelation("PartnerQualified").processInstanceBusinessKey(PARTNER_ID)
                .correlateAll();

        assertThat(instance).hasPassed("partner-qualified").isWaitingAt("review-renewal");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "checkRenewalQualification");
        review(instance, true);
        assertThat(instance).hasNotPassed("announce-non-renewal", "qualification-deadline-passed");
    }

    @Test
    void renewalDeclinedByTheManagerIsAnnouncedAndExpires() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");

        review(instance, false);

        assertThat(instance).hasPassed("announce-non-renewal").hasNotPassed("assess-renewal-fee")
                .isWaitingAt("contract-ended");
        contractEnds(instance);
        assertThat(instance).isEnded().hasPassed("partnership-expired");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "announceNonRenewal",
                "expirePartnership");
    }

    @Test
    void renewalUnreviewedWhenTheContractEndsLetsThePartnershipExpire() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        assertThat(instance).isWaitingAt("review-renewal");
        assertThat(task("review-renewal", instance)).isNotNull();

        contractEnds(instance);

        assertThat(instance).isEnded()
                .hasPassed("renewal-review-deadline-passed", "expire-unreviewed-partnership",
                        "renewal-lapsed-unreviewed")
                .hasNotPassed("renewal-approved", "assess-renewal-fee", "announce-non-renewal", "expire-partnership");
        assertThat(task("review-renewal", instance)).isNull();
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "expirePartnership");
    }

    @Test
    void feeUnpaidWhenTheContractEndsLetsThePartnershipExpire() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        review(instance, true);
        execute(job(instance));
        assertThat(instance).isWaitingAt("await-renewal-fee");

        contractEnds(instance);

        assertThat(instance).isEnded()
                .hasPassed("renewal-fee-deadline-passed", "expire-unrenewed-partnership", "renewal-lapsed-unpaid")
                .hasNotPassed("sign-renewal", "announce-non-renewal", "expire-partnership");
        assertThat(fakes.calls()).endsWith("checkRenewalFeePaid", "expirePartnership");
    }

    @Test
    void renewalUnsignedWhenTheContractEndsLetsThePartnershipExpire() {
        ProcessInstance instance = renewalChecked("EDUCATION");
        review(instance, true);
        assertThat(instance).isWaitingAt("sign-renewal");
        assertSingleTimerDueAt(instance, CONTRACT_ENDS_AT);

        contractEnds(instance);

        assertThat(instance).isEnded()
                .hasPassed("renewal-signature-deadline-passed", "expire-unsigned-partnership",
                        "renewal-lapsed-unsigned")
                .hasNotPassed("renew-contract", "announce-non-renewal");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "confirmRenewalQualification",
                "assessRenewalFee", "expirePartnership");
    }

    @Test
    void renewalNotSignedIsAnnouncedAndExpires() {
        ProcessInstance instance = renewalChecked("COMMUNITY");
        review(instance, true);

        sign(instance, false);

        assertThat(instance).hasPassed("announce-non-renewal").hasNotPassed("renew-contract")
                .isWaitingAt("contract-ended");
        contractEnds(instance);
        assertThat(instance).isEnded().hasPassed("partnership-expired");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "confirmRenewalQualification",
                "assessRenewalFee", "signRenewalGuard:complete", "announceNonRenewal", "expirePartnership");
    }

    @Test
    void renewalCheckCanBeMovedWithSetJobDuedate() {
        ProcessInstance instance = contractStarted("ENTERPRISE");
        Job renewalDue = assertSingleTimerDueAt(instance, RENEWAL_CHECK_AT);

        Instant postponed = RENEWAL_CHECK_AT.plus(Duration.ofDays(10));
        managementService().setJobDuedate(renewalDue.getId(), Date.from(postponed));
        moveClockTo(RENEWAL_CHECK_AT.plusSeconds(1));
        assertThat(executableTimers()).isEmpty();

        Instant broughtForward = RENEWAL_CHECK_AT.minus(Duration.ofDays(30));
        managementService().setJobDuedate(renewalDue.getId(), Date.from(broughtForward));
        moveClockTo(broughtForward.plusSeconds(1));
        List<Job> due = executableTimers();
        assertThat(due).singleElement().satisfies(job -> {
            assertThat(job.getId()).isEqualTo(renewalDue.getId());
            assertThat(job.getDuedate().toInstant()).isEqualTo(broughtForward);
        });
        execute(due.get(0));

        assertThat(instance).hasPassed("renewal-due", "check-renewal-qualification").isWaitingAt("review-renewal");
    }

    @Test
    void unpaidRenewalFeeIsRemindedWhileTheProcessKeepsWaitingForIt() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        review(instance, true);
        execute(job(instance));
        assertThat(instance).isWaitingAt("await-renewal-fee");
        Instant reminder = reminderAt(instance);
        assertThat(reminder).isBefore(CONTRACT_ENDS_AT);

        moveClockTo(reminder.plusSeconds(1));
        List<Job> due = executableTimers();
        assertThat(due).singleElement().satisfies(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(reminder));
        execute(due.get(0));

        assertThat(instance).hasPassed("renewal-fee-reminder-due", "send-renewal-fee-reminder",
                "renewal-fee-reminder-sent").isWaitingAt("await-renewal-fee");
        assertThat(timersDue(instance)).containsExactly(CONTRACT_ENDS_AT);
        runtimeService().createMessageCorrelation("FeePaid").processInstanceVariableEquals("invoiceId", INVOICE_ID)
                .correlateWithResult();
        assertThat(instance).isWaitingAt("sign-renewal");
        assertThat(fakes.calls()).contains("sendRenewalFeeReminder");
    }

    @Test
    void partnerNoLongerQualifiedWhenTheRenewalIsApprovedGoesBackToTheCheckAndWaitsForItsQualification() {
        ProcessInstance instance = renewalChecked("ENTERPRISE");
        fakes.renewalQualifies(false);

        review(instance, true);

        assertThat(instance).hasPassed("confirm-renewal-qualification").hasNotPassed("assess-renewal-fee")
                .isWaitingAt("await-qualification");
        assertThat(fakes.calls()).containsExactly("checkRenewalQualification", "confirmRenewalQualification",
                "checkRenewalQualification");
        fakes.renewalQualifies(true);
        runtimeService().createMessageCorrelation("PartnerQualified").processInstanceBusinessKey(PARTNER_ID)
                .correlateAll();
        assertThat(instance).isWaitingAt("review-renewal");
    }

    @Test
    void signingTheRenewalIsGuardedWhenCompleted() {
        ProcessInstance instance = renewalChecked("COMMUNITY");
        review(instance, true);

        sign(instance, true);

        assertThat(fakes.calls()).containsSubsequence("signRenewalGuard:complete", "renewContract");
    }

    private ProcessInstance contractStarted(String partnerType) {
        moveClockTo(START);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("partner-renewal", PARTNER_ID,
                Map.of("partnerId", PARTNER_ID, "companyName", "福州示例科技有限公司", "partnerType", partnerType,
                        "contractId", CONTRACT_ID, "contractEndsOn", "2027-11-30",
                        "renewalCheckAt", RENEWAL_CHECK_AT.toString(), "contractEndsAt", CONTRACT_ENDS_AT.toString()));
        assertThat(instance).isStarted().hasBusinessKey(PARTNER_ID).isWaitingAt("renewal-due");
        assertSingleTimerDueAt(instance, RENEWAL_CHECK_AT);
        assertThat(executableTimers()).isEmpty();
        return instance;
    }

    /** The renewal-due timer fires at renewalCheckAt. */
    private ProcessInstance renewalChecked(String partnerType) {
        ProcessInstance instance = contractStarted(partnerType);
        moveClockTo(RENEWAL_CHECK_AT.plusSeconds(1));
        execute(executableTimers().get(0));
        assertThat(instance).hasPassed("renewal-due", "check-renewal-qualification");
        return instance;
    }

    private void review(ProcessInstance instance, boolean approved) {
        assertThat(instance).isWaitingAt("review-renewal").variables()
                .containsEntry("renewable", true)
                .containsKey("renewalAssessment")
                .containsEntry("requiredDevelopment", "ENTERPRISE".equals(partnerType(instance)) ? 5 : 1);
        Task review = task("review-renewal", instance);
        assertThat(review).hasCandidateGroup("partner-managers");
        assertFormRef(review, "review-renewal");
        complete(review, withVariables("approved", approved, "comment", approved ? "qualified" : "not renewing"));
    }

    private void sign(ProcessInstance instance, boolean signed) {
        Task signing = task("sign-renewal", instance);
        assertThat(signing).hasCandidateGroup("partner-managers");
        assertFormRef(signing, "sign-renewal");
        complete(signing, withVariables("contractSigned", signed, "contractId", signed ? RENEWED_CONTRACT_ID : CONTRACT_ID));
    }

    /** The timer waiting for contractEndsAt fires. */
    private static void contractEnds(ProcessInstance instance) {
        assertThat(timersDue(instance)).contains(CONTRACT_ENDS_AT);
        moveClockTo(CONTRACT_ENDS_AT.plusSeconds(1));
        List<Job> due = executableTimers().stream()
                .filter(job -> job.getDuedate().toInstant().equals(CONTRACT_ENDS_AT)).toList();
        assertThat(due).hasSize(1);
        execute(due.get(0));
    }

    private static List<Instant> timersDue(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .map(job -> job.getDuedate().toInstant()).toList();
    }

    private static Instant reminderAt(ProcessInstance instance) {
        return Instant.parse((String) runtimeService().getVariable(instance.getId(), "renewalFeeReminderAt"));
    }

    private static Job assertSingleTimerDueAt(ProcessInstance instance, Instant dueAt) {
        List<Job> timers = managementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
        assertThat(timers).singleElement().extracting(job -> job.getDuedate().toInstant()).isEqualTo(dueAt);
        return timers.get(0);
    }

    private static String partnerType(ProcessInstance instance) {
        return (String) runtimeService().getVariable(instance.getId(), "partnerType");
    }

    private static List<Job> executableTimers() {
        return managementService().createJobQuery().timers().executable().list();
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
