package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.TaskActors;
import com.tencent.bk.partner.process.TaskRefusedException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code contract-termination}, by the names the model calls them. */
@Configuration
class TerminationDelegates {

    @Bean
    JavaDelegate terminatePartnership(Termination termination, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            DecisionLog.Recorded decision = decisions.latest(execution, Bpmn.CONFIRM_TERMINATION);
            String comment = decision.comment();
            termination.terminate(variables.partnerId(), execution.getProcessInstanceId(),
                    variables.text("terminationReason") + (comment == null ? "" : " — " + comment),
                    decision.decidedBy(), comment);
        };
    }

    @Bean
    JavaDelegate closeTerminationCase(Termination termination, DecisionLog decisions) {
        return execution -> {
            DecisionLog.Recorded decision = decisions.latest(execution, Bpmn.CONFIRM_TERMINATION);
            termination.decline(ProcessVariables.of(execution).partnerId(), decision.decidedBy(), decision.comment());
        };
    }

    /**
     * A termination raised by a user is confirmed by another: no user who raised a request attached to the case
     * (the one that opened it or a later one that joined it) can claim or complete it. The raisers are read
     * from the request rows, not from a variable the completing user could send.
     */
    @Bean
    TaskListener terminationFourEyesGuard(TaskActors actors, TerminationCases cases) {
        return task -> {
            boolean completing = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
            String actor = completing ? actors.completingUser(task) : task.getAssignee();
            String partnerId = ProcessVariables.of(task).partnerId();
            if (completing) {
                // a request joining this case in flight holds the partner: wait for it, so its raiser is seen
                // here, or it waits for this decision and opens a case of its own
                cases.holdPartner(partnerId);
            }
            if (actor != null && cases.raisersOf(task.getProcessInstanceId(), partnerId).contains(actor)) {
                throw new TaskRefusedException("四眼原则 Four-eyes rule: " + actor
                        + " raised this termination and cannot also confirm it");
            }
        };
    }
}
