package com.tencent.bk.partner.process;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ProgramHistoryLevel} known to the engine (configured as {@code camunda.bpm.history-level}), and
 * moves a database created with {@code full} over to it: the engine refuses to start when the stored level
 * differs from the configured one, and this level keeps a subset of what {@code full} kept.
 */
@Component
class HistoryLevelPlugin extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelPlugin.class);

    private final DataSource dataSource;
    private final CamundaBpmProperties properties;

    HistoryLevelPlugin(DataSource dataSource, CamundaBpmProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(ProgramHistoryLevel.INSTANCE);
        configuration.setCustomHistoryLevels(custom);
        if (ProgramHistoryLevel.NAME.equals(properties.getHistoryLevel())) {
            adoptDatabaseCreatedWithFull();
        }
    }

    private void adoptDatabaseCreatedWithFull() {
        try {
            int moved = JdbcClient.create(dataSource).sql("""
                            update act_ge_property set value_ = ? where name_ = 'historyLevel' and value_ = ?""")
                    .params(Integer.toString(ProgramHistoryLevel.ID), Integer.toString(ProgramHistoryLevel.FULL_ID))
                    .update();
            if (moved > 0) {
                log.info("Engine history level moved from full to {}", ProgramHistoryLevel.NAME);
            }
        } catch (DataAccessException freshDatabase) {
            // no engine tables yet: the engine creates them with the configured level
        }
    }
}
