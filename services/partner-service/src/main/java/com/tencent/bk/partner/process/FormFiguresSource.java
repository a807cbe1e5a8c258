package com.tencent.bk.partner.process;

import java.util.Map;

/**
 * Figures a task's form shows that the service reads from its own tables when the form is opened
 * ({@code GET /task/{id}/form-variables}), rather than copies written onto every task when it is created. The task
 * carries only a reference, a variable local to it; a task without one gets nothing added, so tasks created
 * with stored copies show those.
 */
public interface FormFiguresSource {

    /** Whether this source has figures for tasks of this step; by default for every step. */
    default boolean appliesTo(String taskDefinitionKey) {
        return true;
    }

    /** The name of the task-local variable this source reads by (an id in the service's tables). */
    String reference();

    /** The form's figures for that reference's value, as name → value; empty when the record is gone. */
    Map<String, Object> figures(Object reference);
}
