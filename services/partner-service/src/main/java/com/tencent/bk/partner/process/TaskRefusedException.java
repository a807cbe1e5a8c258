package com.tencent.bk.partner.process;

/**
 * A rule of the program refuses a task operation (claim, complete) for this user, e.g. the four-eyes rule.
 * Thrown from task listeners; Camunda's REST API answers it with 403 (see {@code web.TaskRefusalMapping}).
 */
public class TaskRefusedException extends RuntimeException {

    public TaskRefusedException(String message) {
        super(message);
    }
}
