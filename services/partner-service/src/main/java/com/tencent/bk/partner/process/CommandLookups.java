package com.tencent.bk.partner.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Three reads the engine makes of the database while the answer is already known to the command making them. Each
 * started {@code tier-reevaluation} paid all three: they were a fifth of a shortfall's CPU on the consumer thread
 * (bench B3, async-profiler, docs/benchmarks.md).
 * <ul>
 *   <li>A task created in this command is asked for its grants ({@code TASK} and {@code HISTORIC_TASK}) when its
 *       candidate group is added, and for its variables when a create listener first reads or writes one. Neither
 *       can be in the database: the task is not written yet, and its id is a fresh random UUID. The answers are the
 *       ones the database would give, nothing; a grant added earlier in the command is still merged by the engine
 *       from its cache, as before.</li>
 *   <li>Every start by key looks up the latest version of the definition. Within one command (the starts of a poll
 *       share one, see {@link Workflows#inCommandsByKey}) the first answer is kept, until the command deploys or
 *       deletes a definition itself.</li>
 * </ul>
 */
@Component
class CommandLookups extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // a custom factory replaces the engine's own for the same session type
        factories.add(session(VariableInstanceManager.class, NewTaskVariables::new));
        factories.add(session(ProcessDefinitionManager.class, LatestDefinitionsOfTheCommand::new));
        configuration.setCustomSessionFactories(factories);
    }

    private static SessionFactory session(Class<? extends Session> type, Supplier<Session> manager) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return manager.get();
            }
        };
    }

    /** Whether the task was created by the running command and is not written yet. */
    static boolean createdInThisCommand(String taskId) {
        CommandContext command = Context.getCommandContext();
        if (command == null || taskId == null) {
            return false;
        }
        DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
        TaskEntity task = cache.get(TaskEntity.class, taskId);
        return task != null && cache.isTransient(task);
    }

    /** The engine's default grants, without looking for an earlier grant on a task that did not exist before. */
    static final class NewTaskGrants extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource,
                                                                     String resourceId) {
            return isNewTask(resource, resourceId) ? null
                    : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource,
                                                                    String resourceId) {
            return isNewTask(resource, resourceId) ? null
                    : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        private static boolean isNewTask(Resource resource, String resourceId) {
            return (resource.resourceType() == Resources.TASK.resourceType()
                    || resource.resourceType() == Resources.HISTORIC_TASK.resourceType())
                    && createdInThisCommand(resourceId);
        }
    }

    /** The engine's variable reads, with a task created in this command known to have none stored. */
    static final class NewTaskVariables extends VariableInstanceManager {

        @Override
        public List<VariableInstanceEntity> findVariableInstancesByTaskId(String taskId) {
            return createdInThisCommand(taskId) ? new ArrayList<>() : super.findVariableInstancesByTaskId(taskId);
        }

        @Override
        public List<VariableInstanceEntity> findVariableInstancesByTaskIdAndVariableNames(String taskId,
                                                                                        Collection<String> names) {
            return createdInThisCommand(taskId) ? new ArrayList<>()
                    : super.findVariableInstancesByTaskIdAndVariableNames(taskId, names);
        }
    }

    /** One session per command: the latest definition of a key is read once in it. */
    static final class LatestDefinitionsOfTheCommand extends ProcessDefinitionManager {

        private final Map<String, ProcessDefinitionEntity> latestByKey = new HashMap<>();

        @Override
        public ProcessDefinitionEntity findLatestProcessDefinitionByKey(String key) {
            ProcessDefinitionEntity known = latestByKey.get(key);
            if (known != null) {
                return known;
            }
            ProcessDefinitionEntity latest = super.findLatestProcessDefinitionByKey(key);
            if (latest != null) {
                latestByKey.put(key, latest);
            }
            return latest;
        }

        @Override
        public void insertProcessDefinition(ProcessDefinitionEntity definition) {
            latestByKey.clear();
            super.insertProcessDefinition(definition);
        }

        @Override
        public void deleteProcessDefinition(ProcessDefinition definition, String id, boolean cascade,
                                            boolean cascadeToHistory, boolean skipCustomListeners,
                                            boolean skipIoMappings) {
            latestByKey.clear();
            super.deleteProcessDefinition(definition, id, cascade, cascadeToHistory, skipCustomListeners,
                    skipIoMappings);
        }
    }
}
