package com.tencent.bk.partner.models;

import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * One process engine per test JVM, on a real embedded PostgreSQL (never H2), with the service's
 * delegates and listeners replaced by {@link FakeDelegates} and the service's serialization settings.
 */
final class ProcessTestEngine {

    private static final String DATABASE = "process_tests";

    private ProcessTestEngine() {
    }

    static ProcessEngine engine() {
        return Holder.ENGINE;
    }

    static FakeDelegates fakes() {
        return Holder.FAKES;
    }

    private static final class Holder {

        static final FakeDelegates FAKES = new FakeDelegates();
        static final ProcessEngine ENGINE = start();

        private static ProcessEngine start() {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("partner-models-tests");
            configuration.setJdbcUrl(postgres.createDatabaseIfMissing(DATABASE));
            configuration.setJdbcDriver("org.postgresql.Driver");
            configuration.setJdbcUsername(EmbeddedPostgresServer.USER);
            configuration.setJdbcPassword("");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setMetricsEnabled(false);
            configuration.setTaskMetricsEnabled(false);
            configuration.setBeans(FAKES.beans());
            // the service's settings: no Java serialization, JSON through Spin, deserialized types validated
            configuration.setJavaSerializationFormatEnabled(false);
            configuration.setDeserializationTypeValidationEnabled(true);
            configuration.setDeserializationAllowedPackages("com.tencent.bk.partner");
            configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
            ProcessEngine engine = configuration.buildProcessEngine();
            BpmnAwareTests.init(engine);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                engine.close();
                postgres.close();
            }, "process-test-engine-shutdown"));
            return engine;
        }
    }
}
