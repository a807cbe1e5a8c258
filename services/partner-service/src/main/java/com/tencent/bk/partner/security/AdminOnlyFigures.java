package com.tencent.bk.partner.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.ActivityStatisticsQuery;
import org.camunda.bpm.engine.management.DeploymentStatisticsQuery;
import org.camunda.bpm.engine.management.MetricsQuery;
import org.camunda.bpm.engine.management.ProcessDefinitionStatisticsQuery;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Engine-wide figures — metrics, and statistics of every instance of a definition — are for administrators. The
 * engine checks no permission for metrics, and its statistics need only READ on definitions, which every group
 * has for Tasklist; so a reviewer could read program-wide figures through {@code /engine-rest} or the webapps'
 * own copy of the API ({@code /camunda/api/engine/…}). Refused here, in the engine, for both. The service's own
 * calls (no authenticated user) are not affected.
 */
@Component
class AdminOnlyFigures extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setManagementService(new FiguresForAdmins(configuration));
    }

    static final class FiguresForAdmins extends ManagementServiceImpl {

        private final ProcessEngineConfigurationImpl configuration;

        FiguresForAdmins(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
            this.configuration = configuration;
        }

        @Override
        public MetricsQuery createMetricsQuery() {
            requireAdmin("metrics");
            return super.createMetricsQuery();
        }

        @Override
        public ProcessDefinitionStatisticsQuery createProcessDefinitionStatisticsQuery() {
            requireAdmin("process definition statistics");
            return super.createProcessDefinitionStatisticsQuery();
        }

        @Override
        public ActivityStatisticsQuery createActivityStatisticsQuery(String processDefinitionId) {
            requireAdmin("activity statistics");
            return super.createActivityStatisticsQuery(processDefinitionId);
        }

        @Override
        public DeploymentStatisticsQuery createDeploymentStatisticsQuery() {
            requireAdmin("deployment statistics");
            return super.createDeploymentStatisticsQuery();
        }

        private void requireAdmin(String what) {
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user == null || !configuration.isAuthorizationEnabled()) {
                return;
            }
            List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
            List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
            boolean admin = adminUsers.contains(user.getUserId()) || (user.getGroupIds() != null
                    && user.getGroupIds().stream().anyMatch(adminGroups::contains));
            if (!admin) {
                throw new AuthorizationException("The " + what + " of the engine are for administrators only");
            }
        }
    }
}
