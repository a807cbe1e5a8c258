package com.tencent.bk.partner.process;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * The engine's history as the program office needs it: everything of level {@code full} — process, activity
 * and task instances, the final value of every variable, who claimed and completed what (user operation log),
 * identity links, incidents, the job log, decision evaluations — except
 * <ul>
 *   <li>one row per variable <em>update</em> ({@code ACT_HI_DETAIL}). Those rows are the bulk of what {@code full}
 *       writes on the event hot path (every variable of a new {@code tier-reevaluation} is written three times),
 *       and the registry keeps its own record of every decision, payment and deadline change;</li>
 *   <li>the activity instances of gateways ({@code ACT_HI_ACTINST}): a gateway only routes the token, no one acts
 *       and nothing is done there, and the path it chose shows in the activities after it. Each cost a row
 *       inserted and then updated in every command that passed it;</li>
 *   <li>the copies the service puts on each user task for its list and form ({@link Variables#COPIED_ONTO_TASKS},
 *       local to the task): who the task is about and what is at stake, read from the registry, which keeps them.
 *       The task's own history (name with company and type, who worked it, when) and the process's variables
 *       stay.</li>
 * </ul>
 */
public final class ProgramHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "full-without-variable-updates";
    static final ProgramHistoryLevel INSTANCE = new ProgramHistoryLevel();
    /** Not one of the built-in ids 0-3; stored in {@code ACT_GE_PROPERTY.historyLevel}. */
    static final int ID = 30;
    /** The built-in {@code full}, which this level replaces without loss of what it keeps. */
    static final int FULL_ID = 3;

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.FORM_PROPERTY_UPDATE);
    private static final Set<HistoryEventType> OF_ACTIVITY_INSTANCES = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
            HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);
    private static final Set<HistoryEventType> OF_VARIABLES = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
    private static final Set<String> GATEWAYS = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
            ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.GATEWAY_COMPLEX);

    private ProgramHistoryLevel() {
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * @param entity null while the engine parses a model (activity history is wanted then: it attaches its
     *               listeners), the execution at an activity while a process runs
     */
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (LEFT_OUT.contains(eventType)) {
            return false;
        }
        if (OF_VARIABLES.contains(eventType)) {
            return !copiedOntoTask(entity);
        }
        return !(OF_ACTIVITY_INSTANCES.contains(eventType) && atGateway(entity));
    }

    /**
     * Decided by the variable's name and task, which never change: its creation, updates and deletion are all
     * left out together. (A task's variables moved by a migration reach the history handler, which then writes
     * the row it does not find.)
     */
    private static boolean copiedOntoTask(Object entity) {
        return entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null
                && Variables.COPIED_ONTO_TASKS.contains(variable.getName());
    }

    /** The execution at an activity, or an activity instance being migrated (with its own gateway's row). */
    private static boolean atGateway(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            return isGateway(execution.getActivity());
        }
        if (entity instanceof MigratingActivityInstance migrating) {
            return isGateway(migrating.getSourceScope()) || isGateway(migrating.getTargetScope());
        }
        return false;
    }

    private static boolean isGateway(ScopeImpl scope) {
        Object type = scope == null ? null : scope.getProperty("type");
        return type != null && GATEWAYS.contains(type);
    }
}
