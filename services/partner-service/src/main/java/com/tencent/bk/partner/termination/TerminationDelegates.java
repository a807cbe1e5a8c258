package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.process.ProcessVariables;
import com.tencent.bk.partner.process.TaskRefusedException;
import java.util.Objects;
import com.tencent.bk.partner.process.TaskActors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code contract-termination}, by the names the model calls them. */
@Configuration
class TerminationDelegates {

    @Bean
    JavaDelegate terminatePartnership(Termination termination) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            String comment = variables.optionalText("comment");
            termination.terminate(variables.partnerId(), execution.getProcessInstanceId(),
                    variables.text("terminationReason") + (comment == null ? "" : " — " + comment));
        };
    }

    @Bean
    JavaDelegate closeTerminationCase(Termination termination) {
        return execution -> termination.decline(ProcessVariables.of(execution).partnerId());
    }

    /** A termination raised by a user is confirmed by another: the raiser can neither claim nor complete it. */
    @Bean
    TaskListener terminationFourEyesGuard(TaskActors actors) {
        return task -> {
            String raisedBy = (String) task.getVariable("raisedBy");
            String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
                    : actors.completingUser(task);
            if (raisedBy != null && Objects.equals(raisedBy, actor)) {
                throw new TaskRefusedException("四眼原则 Four-eyes rule: " + actor
                        + " raised this termination and cannot also confirm it");
            }
        };
    }
}
