package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared engine, fakes and the assertions every model test needs. */
abstract class ProcessTestSupport {

    static final String ONBOARDING_BPMN = "bpmn/partner-onboarding.bpmn";
    static final String PAYMENT_EXCEPTION_BPMN = "bpmn/payment-exception.bpmn";
    static final String TIER_REEVALUATION_BPMN = "bpmn/tier-reevaluation.bpmn";
    static final String MINIMUMS_DMN = "bpmn/partner-minimums.dmn";
    static final String REVIEW_FORM = "bpmn/review-application.form";
    static final String APPROVE_FORM = "bpmn/approve-application.form";
    static final String SIGN_FORM = "bpmn/sign-contract.form";
    static final String RESOLVE_PAYMENT_FORM = "bpmn/resolve-payment.form";
    static final String FOLLOW_UP_SHORTFALL_FORM = "bpmn/follow-up-shortfall.form";
    static final String CONTRACT_TERMINATION_BPMN = "bpmn/contract-termination.bpmn";
    static final String CONFIRM_TERMINATION_FORM = "bpmn/confirm-termination.form";
    static final String PARTNER_RENEWAL_BPMN = "bpmn/partner-renewal.bpmn";
    static final String REVIEW_RENEWAL_FORM = "bpmn/review-renewal.form";
    static final String SIGN_RENEWAL_FORM = "bpmn/sign-renewal.form";
    static final String QUARTERLY_AUDIT_BPMN = "bpmn/quarterly-audit.bpmn";
    static final String AUDIT_PARTNER_FORM = "bpmn/audit-partner.form";

    @RegisterExtension
    final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngine.engine())
            .ensureCleanAfterTest(true)
            .build();

    final FakeDelegates fakes = ProcessTestEngine.fakes();

    @BeforeEach
    void resetFakes() {
        fakes.reset();
    }

    /** The task's Camunda Form is referenced by key with binding {@code latest} and resolves to the deployed form. */
    static void assertFormRef(Task task, String formKey) {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(formKey);
        assertThat(formRef.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"" + formKey + "\"")
                    .contains("\"schemaVersion\": 16");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
