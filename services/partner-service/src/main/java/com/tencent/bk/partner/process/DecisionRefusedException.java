package com.tencent.bk.partner.process;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion that does not carry exactly its task's decision (see {@link TaskDecisions}). Camunda's REST
 * API answers it with 400 and the message, which names each refused variable.
 */
public class DecisionRefusedException extends BadUserRequestException {

    private final List<String> variables;

    public DecisionRefusedException(String message, List<String> variables) {
        super(message);
        this.variables = List.copyOf(variables);
    }

    public List<String> variables() {
        return variables;
    }
}
