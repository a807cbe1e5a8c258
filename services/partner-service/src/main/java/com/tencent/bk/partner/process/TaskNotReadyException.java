package com.tencent.bk.partner.process;

/**
 * A decision the task cannot take yet, whoever takes it: what it needs is not there (the partner has not
 * confirmed its attestations, no longer qualifies). The task stays open; Camunda's REST API answers 409, and the
 * same completion succeeds once the facts are there.
 */
public class TaskNotReadyException extends TaskRefusedException {

    public TaskNotReadyException(String message) {
        super(message);
    }
}
