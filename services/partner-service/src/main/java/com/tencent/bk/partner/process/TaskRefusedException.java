package com.tencent.bk.partner.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A rule of the program refuses a task operation (claim, complete) for this user, e.g. the four-eyes rule.
 * Thrown from task listeners and the task service; an engine exception, so that Camunda's REST API answers it
 * where it is thrown outside a listener too, with 403 (see {@code web.TaskRefusalMapping}).
 */
public class TaskRefusedException extends ProcessEngineException {

    public TaskRefusedException(String message) {
        super(message);
    }
}
