package com.tencent.bk.partner.startup;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;

/**
 * The engine's configuration as the Camunda starter makes it ({@link EngineConfigurationBean}), except that it takes
 * the SQL mappings parsed in advance ({@link EngineMappings}) where it would parse them itself. Everything the engine
 * sets around its own parse is set the same way; without mappings in advance, or with ones for another database type
 * or table prefix, the engine parses as it always did.
 */
class EngineConfiguration extends SpringProcessEngineConfiguration {

    private final EngineMappings inAdvance;

    EngineConfiguration(EngineMappings inAdvance) {
        this.inAdvance = inAdvance;
    }

    @Override
    protected void initSqlSessionFactory() {
        if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory && inAdvance != null) {
            inAdvance.take(databaseType, databaseTablePrefix).ifPresent(mappings -> {
                mappings.setEnvironment(new Environment("default", transactionFactory, dataSource));
                mappings.setDefaultStatementTimeout(jdbcStatementTimeout);
                if (isJdbcBatchProcessing()) {
                    mappings.setDefaultExecutorType(ExecutorType.BATCH);
                }
                sqlSessionFactory = new DefaultSqlSessionFactory(mappings);
            });
        }
        super.initSqlSessionFactory();
    }
}
