package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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

@Deployment(resources = {ProcessTestSupport.ONBOARDING_BPMN, ProcessTestSupport.REVIEW_FORM,
        ProcessTestSupport.APPROVE_FORM, ProcessTestSupport.SIGN_FORM})
class PartnerOnboardingProcessTest extends ProcessTestSupport {

    private static final String PARTNER_ID = "91350100M000100Y43";
    private static final String APPLICATION_ID = "app-1";
    private static final String INVOICE_ID = FakeDelegates.invoiceIdFor(APPLICATION_ID);
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void communityApplicationApprovedAtReviewIsSignedAndActivatedWithoutFee() {
        ProcessInstance instance = apply("COMMUNITY");

        review(instance, true);
        assertThat(instance).hasPassed("record-approval").hasNotPassed("approve-application", "request-invoice");
        signContract(instance, true);

        assertThat(instance).isEnded().hasPassed("activate-partner", "partner-activated");
        assertThat(instance).variables()
                .containsEntry("reviewedBy", "reviewer")
                .containsEntry("reviewApproved", true)
                .containsEntry("feeRequired", false)
                .containsEntry("contractId", "C-2026-001");
        assertThat(fakes.calls()).containsExactly("checkQualification", "reviewDecisionRecorder:complete",
                "recordApproval", "signingQualification:complete", "activatePartner");
    }

    @Test
    void enterpriseApplicationNeedsAManagerAndWaitsForTheFeeUntilFeePaidArrives() {
        ProcessInstance instance = apply("ENTERPRISE");
        review(instance, true);

        assertThat(instance).isWaitingAt("approve-application");
        Task approval = task(instance);
        assertThat(approval).hasCandidateGroup("partner-managers");
        assertFormRef(approval, "approve-application");
        claim(approval, "manager");
        complete(approval, withVariables("approved", true, "comment", "four eyes ok"));

        assertThat(instance).isWaitingAt("check-fee-paid");
        execute(job(instance));
        assertThat(instance).isWaitingAt("await-fee").variables()
                .containsEntry("feeRequired", true)
                .containsEntry("feePaid", false)
                .containsEntry("invoiceId", INVOICE_ID);

        runtimeService().createMessageCorrelation("FeePaid")
                .processInstanceVariableEquals("invoiceId", INVOICE_ID)
                .correlateWithResult();

        assertThat(instance).hasPassed("await-fee").isWaitingAt("sign-contract");
        signContract(instance, true);
        assertThat(instance).isEnded().hasPassed("partner-activated");
        assertThat(fakes.calls()).containsExactly("checkQualification", "reviewDecisionRecorder:complete",
                "fourEyesGuard:assignment", "fourEyesGuard:complete", "recordApproval", "requestInvoice",
                "checkFeePaid", "signingQualification:complete", "activatePartner");
    }

    @Test
    void feePaidBeforeTheProcessWaitsSkipsTheWait() {
        fakes.paymentAlreadyReceived(INVOICE_ID);
        ProcessInstance instance = approvedEnterpriseApplication();

        execute(job(instance));

        assertThat(instance).hasPassed("check-fee-paid").hasNotPassed("await-fee").isWaitingAt("sign-contract");
        assertThat(instance).variables().containsEntry("feePaid", true);
    }

    @Test
    void reminderTimerSendsAReminderAndTheWaitContinues() {
        ProcessInstance instance = awaitingFee();
        assertThat(executableTimers()).isEmpty();

        moveClockTo(START.plus(FakeDelegates.REMINDER_AFTER).plusSeconds(1));
        List<Job> due = executableTimers();
        assertThat(due).singleElement().extracting(job -> job.getDuedate().toInstant())
                .isEqualTo(START.plus(FakeDelegates.REMINDER_AFTER));
        execute(due.get(0));

        assertThat(instance).hasPassed("send-fee-reminder", "fee-reminder-sent").isWaitingAt("await-fee");
        assertThat(fakes.calls()).containsOnlyOnce("sendFeeReminder");

        runtimeService().createMessageCorrelation("FeePaid")
                .processInstanceVariableEquals("invoiceId", INVOICE_ID)
                .correlateWithResult();
        assertThat(instance).isWaitingAt("sign-contract");
    }

    @Test
    void unpaidFeeDeadlineCancelsTheApplication() {
        ProcessInstance instance = awaitingFee();
        moveClockTo(START.plus(FakeDelegates.REMINDER_AFTER).plusSeconds(1));
        execute(executableTimers().get(0));

        moveClockTo(START.plus(FakeDelegates.DUE_AFTER).plusSeconds(1));
        List<Job> due = executableTimers();
        assertThat(due).singleElement().extracting(job -> job.getDuedate().toInstant())
                .isEqualTo(START.plus(FakeDelegates.DUE_AFTER));
        execute(due.get(0));

        assertThat(instance).isEnded()
                .hasPassed("fee-deadline-passed", "cancel-unpaid-application", "application-cancelled")
                .hasNotPassed("sign-contract", "reject-application");
        assertThat(fakes.calls()).endsWith("sendFeeReminder", "cancelUnpaidApplication");
    }

    @Test
    void applicationRejectedAtReviewIsRejected() {
        ProcessInstance instance = apply("ENTERPRISE");

        review(instance, false);

        assertThat(instance).isEnded().hasPassed("reject-application", "application-rejected")
                .hasNotPassed("approve-application", "record-approval");
        assertThat(instance).variables().containsEntry("reviewApproved", false);
        assertThat(fakes.calls()).containsExactly("checkQualification", "reviewDecisionRecorder:complete",
                "rejectApplication");
    }

    @Test
    void enterpriseApplicationRejectedByManagerIsRejected() {
        ProcessInstance instance = apply("ENTERPRISE");
        review(instance, true);

        Task approval = task(instance);
        claim(approval, "manager");
        complete(approval, withVariables("approved", false, "comment", "not convinced"));

        assertThat(instance).isEnded().hasPassed("reject-application", "application-rejected")
                .hasNotPassed("record-approval");
        assertThat(fakes.calls()).containsExactly("checkQualification", "reviewDecisionRecorder:complete",
                "fourEyesGuard:assignment", "fourEyesGuard:complete", "rejectApplication");
    }

    @Test
    void signatureRefusedWhileTheCompanyIsShortLeavesTheContractUnsignedAndNothingActivated() {
        ProcessInstance instance = apply("COMMUNITY");
        review(instance, true);
        fakes.companyShortAtSigning();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signContract(instance, true))
                .hasMessageContaining("headcount short at signing");

        assertThat(instance).isWaitingAt("sign-contract").hasNotPassed("activate-partner", "reject-application");
        signContract(instance, false);
        assertThat(instance).isEnded().hasPassed("reject-application");
    }

    @Test
    void contractNotSignedRejectsTheApplication() {
        ProcessInstance instance = apply("EDUCATION");
        review(instance, true);

        signContract(instance, false);

        assertThat(instance).isEnded().hasPassed("reject-application", "application-rejected")
                .hasNotPassed("activate-partner");
        assertThat(fakes.calls()).endsWith("recordApproval", "signingQualification:complete",
                "rejectApplication");
    }

    private ProcessInstance apply(String partnerType) {
        ClockUtil.setCurrentTime(Date.from(START));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("partner-onboarding", PARTNER_ID,
                Map.of("partnerId", PARTNER_ID, "applicationId", APPLICATION_ID, "partnerType", partnerType,
                        "companyName", "福州示例科技有限公司", "contactName", "张三",
                        "contactEmail", "zhang.san@example.com", "contactPhone", "+86 591 0000 0000"));
        assertThat(instance).isStarted().hasBusinessKey(PARTNER_ID).hasPassed("check-qualification")
                .isWaitingAt("review-application");
        assertThat(instance).variables()
                .containsEntry("qualified", true)
                .containsEntry("requiredAutomationService", "ENTERPRISE".equals(partnerType) ? 3 : 2);
        return instance;
    }

    private void review(ProcessInstance instance, boolean approved) {
        Task review = task("review-application", instance);
        assertThat(review).hasCandidateGroup("partner-reviewers");
        assertFormRef(review, "review-application");
        claim(review, "reviewer");
        complete(review, withVariables("approved", approved, "comment", approved ? "looks good" : "not enough engineers"));
    }

    private void signContract(ProcessInstance instance, boolean signed) {
        assertThat(instance).isWaitingAt("sign-contract");
        Task signing = task("sign-contract", instance);
        assertThat(signing).hasCandidateGroup("partner-managers");
        assertFormRef(signing, "sign-contract");
        complete(signing, withVariables("contractSigned", signed, "contractId", signed ? "C-2026-001" : ""));
    }

    private ProcessInstance approvedEnterpriseApplication() {
        ProcessInstance instance = apply("ENTERPRISE");
        review(instance, true);
        Task approval = task(instance);
        claim(approval, "manager");
        complete(approval, withVariables("approved", true, "comment", "ok"));
        assertThat(instance).isWaitingAt("check-fee-paid");
        return instance;
    }

    private ProcessInstance awaitingFee() {
        ProcessInstance instance = approvedEnterpriseApplication();
        execute(job(instance));
        assertThat(instance).isWaitingAt("await-fee");
        return instance;
    }

    private static List<Job> executableTimers() {
        return managementService().createJobQuery().timers().executable().list();
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
