package com.tencent.bk.partner.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Figures a task's form shows that the service reads from its own tables when the form is opened
 * ({@code GET /task/{id}/form-variables}), rather than copies written onto every task when it is created. The task
 * leads to them by a reference nobody working it can change (a variable local to it, or its process's business
 * key); a task without one gets nothing added, so tasks created with stored copies show those.
 */
public interface FormFiguresSource {

    /** Whether this source has figures for tasks of this step; by default for every step. */
    default boolean appliesTo(String taskDefinitionKey) {
        return true;
    }

    /** What this source reads the task's figures by (an id in the service's tables); null for none. */
    Object referenceOf(DelegateTask task);

    /** The form's figures for that reference, as name → value; empty when the record is gone. */
    Map<String, Object> figures(Object reference);
}
