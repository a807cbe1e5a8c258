package com.tencent.bk.partner.referrals;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.TaskNotReadyException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code lead-referral}, by the names the model calls them. Business key = referralId. */
@Configuration
class ReferralDelegates {

    @Bean
    JavaDelegate offerReferral(Referrals referrals) {
        return execution -> {
            Referrals.NextStep next = referrals.offerToNextPartner(referralId(execution));
            execution.setVariable("partnerFound", next.offeredTo() != null);
            execution.setVariable("offeredTo", next.offeredTo());
            execution.setVariable("respondBy", next.respondBy() == null ? null : next.respondBy().toString());
            execution.setVariable("placementReason", next.placementReason());
        };
    }

    @Bean
    JavaDelegate expireReferralOffer(Referrals referrals) {
        return execution -> referrals.expireOffer(referralId(execution),
                ProcessVariables.of(execution).text("offeredTo"));
    }

    @Bean
    JavaDelegate recordPlacement(Referrals referrals, DecisionLog decisions) {
        return execution -> {
            DecisionLog.Recorded decision = decisions.latest(execution, Bpmn.PLACE_REFERRAL);
            referrals.place(referralId(execution), decision.isYes() ? decision.detail("placedWith").orElseThrow() : null,
                    decision.decidedBy(), decision.comment());
        };
    }

    /**
     * A lead placed by hand goes to an ACTIVE partner that may take its edition (no community partner for an
     * enterprise-edition lead); otherwise the completion is refused (409) and the task stays open.
     */
    @Bean
    TaskListener placementGuard(Referrals referrals, DecisionLog decisions) {
        return task -> {
            DecisionLog.Recorded decision = decisions.latest(task.getExecution(), Bpmn.PLACE_REFERRAL);
            UUID referralId = UUID.fromString(task.getExecution().getProcessBusinessKey());
            String partnerId = decision.detail("placedWith").orElse(null);
            if (decision.isYes() && !referrals.mayBePlacedWith(referralId, partnerId)) {
                throw new TaskNotReadyException("推荐不能分配给 " + partnerId + " Referral cannot be placed with "
                        + partnerId + ": not an ACTIVE partner that may take this edition");
            }
        };
    }

    private static UUID referralId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }
}
