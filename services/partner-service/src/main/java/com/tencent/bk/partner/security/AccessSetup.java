package com.tencent.bk.partner.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.tasklist.ListedVariables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure every group of the program exists with exactly what it needs: access to Tasklist, reading the
 * process definitions and forms, and one Tasklist filter of its own. Task access itself comes from the
 * engine's candidate-group authorizations, so a user sees only their groups' tasks. Idempotent.
 */
@Component
class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
    static final String TASKLIST = "tasklist";
    /** What every group may do besides reading its own filter (whose id is only known once it exists). */
    private static final List<StandingGrant> STANDING_GRANTS = List.of(
            new StandingGrant(Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
            new StandingGrant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ),
            new StandingGrant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ),
            new StandingGrant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ));

    private record StandingGrant(Resource resource, String resourceId, Permission permission) {
    }

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    /**
     * Reads what the groups already have in a few queries (groups, their grants by resource, the task filters)
     * and writes only what is missing: on every start but the first nothing is. It runs before the service
     * reports itself ready, 100-200 ms of a start either way (a query per grant and group before 2026-12-04 took
     * as long: the engine's first queries after a start are slow whatever they ask).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before the local profile's demo users join these groups
    void ensureGroupsAndGrants() {
        String[] groupIds = ProgramGroups.ids().toArray(String[]::new);
        Set<String> existingGroups = identity.createGroupQuery().groupIdIn(groupIds).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        // by resource, the resources granted below: the groups' grants on tasks, one per task, are not read
        List<Authorization> grants = Stream.concat(STANDING_GRANTS.stream().map(StandingGrant::resource),
                        Stream.of(Resources.FILTER))
                .flatMap(resource -> authorizations.createAuthorizationQuery().groupIdIn(groupIds)
                        .resourceType(resource).list().stream())
                .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).toList();
        Map<String, Filter> filtersByName = filters.createTaskFilterQuery().list().stream()
                .collect(Collectors.toMap(Filter::getName, Function.identity(), (first, second) -> first));
        for (ProgramGroups group : ProgramGroups.values()) {
            if (!existingGroups.contains(group.groupId())) {
                createGroup(group);
            }
            STANDING_GRANTS.forEach(standing -> grant(grants, group.groupId(), standing.resource(),
                    standing.resourceId(), standing.permission()));
            grant(grants, group.groupId(), Resources.FILTER, ensureFilter(group, filtersByName.get(group.filterName())),
                    Permissions.READ);
        }
        narrowTaskGrantsToWork();
        log.info("Groups, grants and Tasklist filters in place for {}", ProgramGroups.ids());
    }

    /**
     * Candidates and assignees of a task may work it (claim, complete) and nothing more: the engine grants new
     * tasks {@code TASK_WORK} ({@code defaultUserPermissionNameForTask}). Tasks created before that still carry
     * the old default {@code UPDATE}, which would let a reviewer set any variable or hand the task to anyone;
     * their grants are narrowed once, here.
     */
    private void narrowTaskGrantsToWork() {
        List<Authorization> broad = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list();
        int narrowed = 0;
        for (Authorization grant : broad) {
            if (grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT
                    || Bpmn.ADMINS.equals(grant.getGroupId())) {
                continue; // the administrators keep what they have
            }
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(Permissions.TASK_WORK);
            authorizations.saveAuthorization(grant);
            narrowed++;
        }
        if (narrowed > 0) {
            log.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
        }
    }

    private void createGroup(ProgramGroups program) {
        Group group = identity.newGroup(program.groupId());
        group.setName(program.groupName());
        group.setType("WORKFLOW");
        identity.saveGroup(group);
    }

    /**
     * The group's filter: its tasks, with the variables a person sorts by shown in the list
     * ({@link ListedVariables}). A filter saved by an earlier version gets the current properties.
     */
    private String ensureFilter(ProgramGroups group, Filter existing) {
        Map<String, Object> properties = Map.of("color", group.filterColor(), "description", group.groupName(),
                "priority", 10, "refresh", true, "variables", ListedVariables.asFilterProperty());
        if (existing != null) {
            if (!properties.equals(existing.getProperties())) {
                filters.saveFilter(existing.setProperties(properties));
            }
            return existing.getId();
        }
        Filter filter = filters.newTaskFilter(group.filterName())
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(group.groupId()).includeAssignedTasks())
                .setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

    /**
     * Grants the permission unless the group holds it. A grant of the same resource without it gets it added:
     * the engine keeps one grant per group and resource.
     */
    private void grant(List<Authorization> grants, String groupId, Resource resource, String resourceId,
                       Permission permission) {
        Optional<Authorization> held = grants.stream()
                .filter(grant -> groupId.equals(grant.getGroupId())
                        && grant.getResourceType() == resource.resourceType()
                        && resourceId.equals(grant.getResourceId()))
                .findFirst();
        if (held.isPresent() && held.get().isPermissionGranted(permission)) {
            return;
        }
        Authorization authorization = held.orElseGet(() -> {
            Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setGroupId(groupId);
            created.setResource(resource);
            created.setResourceId(resourceId);
            return created;
        });
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
