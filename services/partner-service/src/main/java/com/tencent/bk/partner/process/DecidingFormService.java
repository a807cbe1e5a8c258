package com.tencent.bk.partner.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's form service, with a submitted task form (Tasklist's "Complete") going through
 * {@link DecidedCompletion} like any other completion: the form's variables are the task's decision. A form's
 * variables include the figures its {@link FormFiguresSource}s read from the service's tables.
 */
class DecidingFormService extends FormServiceImpl {

    private final DecisionLog log;
    private final Predicate<String> taskStillThere;
    private final Iterable<FormFiguresSource> figureSources;

    DecidingFormService(DecisionLog log, Predicate<String> taskStillThere, Iterable<FormFiguresSource> figureSources) {
        this.log = log;
        this.taskStillThere = taskStillThere;
        this.figureSources = figureSources;
    }

    /**
     * The engine's answer (which checks the caller may read the task's variables), plus the figures read, in one
     * command: the task and its references are read where the engine's answer was.
     */
    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
                                            boolean deserializeObjectValues) {
        return commandExecutor.execute(context -> {
            VariableMap variables = new GetTaskFormVariablesCmd(taskId, formVariables, deserializeObjectValues)
                    .execute(context);
            // the engine's command refused a task that does not exist
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            for (FormFiguresSource source : figureSources) {
                Object reference = source.appliesTo(task.getTaskDefinitionKey()) ? source.referenceOf(task) : null;
                if (reference != null) {
                    source.figures(reference).forEach((name, value) -> {
                        // as a copy local to the task did, the figures shadow a process variable of the same name
                        if (formVariables == null || formVariables.contains(name)) {
                            variables.putValueTyped(name, typed(value));
                        }
                    });
                }
            }
            return variables;
        });
    }

    /** Typed as the engine would have stored it, so REST names the type as for a stored variable. */
    private static TypedValue typed(Object value) {
        if (value instanceof Integer number) {
            return Variables.integerValue(number);
        }
        if (value instanceof Long number) {
            return Variables.longValue(number);
        }
        if (value instanceof Boolean flag) {
            return Variables.booleanValue(flag);
        }
        if (value == null) {
            return Variables.untypedNullValue();
        }
        return value instanceof String text ? Variables.stringValue(text) : Variables.untypedValue(value);
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, properties, false, false));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
        return commandExecutor.execute(new DecidedCompletion(log, taskStillThere, taskId, properties, true, deserializeValues));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : new HashMap<>(properties));
    }
}
