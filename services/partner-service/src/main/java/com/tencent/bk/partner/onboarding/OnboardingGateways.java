package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.registry.PartnerType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the gateways of {@code partner-onboarding} ask of the application, read from its row by business key (public: the models call it). */
@Component("onboardingGateways")
public class OnboardingGateways {

    private final ApplicationRecords applications;

    OnboardingGateways(ApplicationRecords applications) {
        this.applications = applications;
    }

    /** ENTERPRISE applications need a manager's approval besides the review (four eyes). */
    public boolean needsManagerApproval(DelegateExecution execution) {
        return applications.openOf(ProcessVariables.of(execution).partnerId()).type() == PartnerType.ENTERPRISE;
    }
}
