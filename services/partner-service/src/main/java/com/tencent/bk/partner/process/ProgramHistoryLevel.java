package com.tencent.bk.partner.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history as the program office needs it: everything of level {@code full} — process, activity
 * and task instances, the final value of every variable, who claimed and completed what (user operation log),
 * identity links, incidents, the job log, decision evaluations — except one row per variable <em>update</em>
 * ({@code ACT_HI_DETAIL}). Those rows are the bulk of what {@code full} writes on the event hot path (every
 * variable of a new {@code tier-reevaluation} is written three times), and the registry keeps its own record of
 * every decision, payment and deadline change.
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

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !LEFT_OUT.contains(eventType);
    }
}
