package com.tencent.bk.partner.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine calls the domains make. Each joins the caller's transaction, so the engine's writes commit or
 * roll back with the registry change, the inbox row and the outbox rows.
 */
@Component
public class Workflows {

    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engine;

    Workflows(RuntimeService runtime, JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /**
     * How many items one engine command of {@link #inCommandsByKey} holds at most: the multi-row inserts gain little
     * beyond this, while the command keeps every entity it touched in memory until its flush.
     */
    static final int COMMAND_AT_MOST = 50;

    /**
     * Applies {@code action} to each item, in order, in engine commands of up to {@value #COMMAND_AT_MOST} items with
     * distinct business keys: the engine calls of one command share its context, so what they write is flushed once,
     * at its end, as one JDBC batch per table (multi-row inserts), instead of once per call. Inside a command, a
     * query of the engine's tables does not see what an earlier call of the same command wrote; a key seen again
     * starts the next command, so an item finds the engine's tables as the earlier items of its key left them.
     * Called inside a command already (a delegate), the commands join that one.
     */
    public <T> void inCommandsByKey(List<T> items, Function<T, String> businessKey, Consumer<T> action) {
        List<T> command = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (T item : items) {
            if (command.size() == COMMAND_AT_MOST || !keys.add(businessKey.apply(item))) {
                inOneCommand(command, action);
                command.clear();
                keys.clear();
                keys.add(businessKey.apply(item));
            }
            command.add(item);
        }
        inOneCommand(command, action);
    }

    private <T> void inOneCommand(List<T> items, Consumer<T> action) {
        if (!items.isEmpty()) {
            engine.getCommandExecutorTxRequired().execute(context -> {
                items.forEach(action);
                return null;
            });
        }
    }

    /** Starts a partner-scoped process; the business key is always the partnerId. */
    public String start(String processKey, String partnerId, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, partnerId, variables).getProcessInstanceId();
    }

    /**
     * Ends every other running process of the partner (onboarding, renewal, re-evaluation, …): with them go
     * their tasks, timers and message subscriptions. Custom listeners are skipped: nothing of what those
     * processes would have done on their own way out should happen. A {@code payment-exception} case stays:
     * money received still has to be settled or returned by finance, whatever became of the partnership.
     *
     * @param alsoKeep keys of further processes that outlive the partnership's end
     * @return how many were ended
     */
    public int endOtherProcesses(String partnerId, String keepProcessInstanceId, String reason, String... alsoKeep) {
        Set<String> kept = new HashSet<>(List.of(alsoKeep));
        kept.add(Bpmn.PAYMENT_EXCEPTION);
        List<String> others = runtime.createProcessInstanceQuery().processInstanceBusinessKey(partnerId).list()
                .stream()
                .filter(instance -> !kept.contains(keyOf(instance)))
                .map(ProcessInstance::getId)
                .filter(id -> !id.equals(keepProcessInstanceId))
                .toList();
        others.forEach(id -> runtime.deleteProcessInstance(id, reason, true, true));
        return others.size();
    }

    /** A definition id is {@code key:version:id} (only an id for keys too long to fit, which the models avoid). */
    private static String keyOf(ProcessInstance instance) {
        String definitionId = instance.getProcessDefinitionId();
        int colon = definitionId.indexOf(':');
        return colon < 0 ? definitionId : definitionId.substring(0, colon);
    }

    /** The partner's running instance of a process kept at most once per partner (e.g. a termination case). */
    public java.util.Optional<String> runningInstance(String processKey, String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(partnerId).list().stream().map(ProcessInstance::getId).findFirst();
    }

    /**
     * The partners among these with a running instance of the process, in one statement: what {@link #isRunning}
     * says of each, read from the engine's tables in the caller's transaction (the engine's query API has no
     * "business key in"; the engine has flushed its earlier commands of the transaction there).
     */
    public Set<String> runningFor(String processKey, List<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct e.business_key_ from act_ru_execution e
                        join act_re_procdef d on d.id_ = e.proc_def_id_
                        where e.id_ = e.proc_inst_id_ and d.key_ = ? and e.business_key_ = any(?)
                        """)
                .params(processKey, partnerIds.toArray(String[]::new)).query(String.class).list());
    }

    public boolean isRunning(String processKey, String partnerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(partnerId).count() > 0;
    }

    /**
     * Delivers {@code FeePaid} to the onboarding instance waiting for this invoice.
     *
     * @return false when no instance waits for it yet; the payment is kept and the process picks it up
     *         when it reaches the wait (see the {@code check-fee-paid} step)
     */
    public boolean correlateFeePaid(String partnerId, String invoiceId) {
        // the business key narrows the search by index before the variable is compared
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(Bpmn.FEE_PAID_MESSAGE)
                .processInstanceBusinessKey(partnerId)
                .processInstanceVariableEquals(Variables.INVOICE_ID, invoiceId)
                .correlateAllWithResult();
        return !results.isEmpty();
    }

    /** Delivers a message to the one instance with this business key waiting for it; false when none waits. */
    public boolean correlate(String messageName, String businessKey) {
        return !runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey)
                .correlateAllWithResult().isEmpty();
    }

    /** Tells the partner's running processes that wait for this message; false when none waits. */
    public boolean notifyPartner(String messageName, String partnerId) {
        return !runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(partnerId)
                .correlateAllWithResult().isEmpty();
    }

    /**
     * Tells the partner's running process that waits for this message and holds {@code variable = value} (e.g. the
     * suspension of one course); false when none waits.
     */
    public boolean notifyPartner(String messageName, String partnerId, String variable, Object value) {
        return !runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(partnerId)
                .processInstanceVariableEquals(variable, value).correlateAllWithResult().isEmpty();
    }
}
