package com.tencent.bk.partner.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The two baselines, on the same PostgreSQL as the service, taken at the start, before every scenario and at
 * the end, so each scenario is compared with what the machine gave just then:
 * <ul>
 *   <li>single-row commits: one client, autocommit, one small row per transaction into a scratch table;</li>
 *   <li>the plain Camunda API, no Kafka, no project code: a standalone engine (history level full and no job
 *       executor, like the service's event path) in a database of its own, a trivial process waiting in a
 *       receive task; N instances started, then N messages correlated by business key, one command each.</li>
 * </ul>
 * Single-threaded, like each of the service's consumers.
 */
final class Baselines implements AutoCloseable {

    private final Connection connection;
    private final ProcessEngine engine;
    private int round;

    Baselines(String scratchUrl, String camundaUrl, String user, String password) {
        try {
            connection = DriverManager.getConnection(scratchUrl, user, password);
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists commit_probe (id bigserial primary key, "
                        + "event_id varchar(64) not null, at timestamptz not null default now())");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("commit baseline: " + e.getMessage(), e);
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("bench-baseline")
                .setJdbcUrl(camundaUrl).setJdbcUsername(user).setJdbcPassword(password)
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess("bench-baseline")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("wait").message("Go")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().name("bench-baseline")
                .addModelInstance("bench-baseline.bpmn", model).enableDuplicateFiltering(true).deploy();
        measure("warm-up", 200, 50);
    }

    BaselineSnapshot measure(String before, int commits, int instances) {
        round++;
        return new BaselineSnapshot(before, commits(commits), engineLoop(instances, "start"), engineLoop(instances,
                "correlate"));
    }

    private BaselineResult commits(int rows) {
        double[] latencies = new double[rows];
        try (PreparedStatement insert = connection.prepareStatement("insert into commit_probe (event_id) values (?)")) {
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                long before = System.nanoTime();
                insert.setString(1, "event-" + round + "-" + i);
                insert.executeUpdate();
                latencies[i] = (System.nanoTime() - before) / 1e6;
            }
            return BaselineResult.of("PostgreSQL single-row commit (1 client)", latencies, (System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException("commit baseline: " + e.getMessage(), e);
        }
    }

    private BaselineResult engineLoop(int instances, String operation) {
        RuntimeService runtime = engine.getRuntimeService();
        double[] latencies = new double[instances];
        long begin = System.nanoTime();
        for (int i = 0; i < instances; i++) {
            String businessKey = "r" + round + "-" + i;
            long before = System.nanoTime();
            if (operation.equals("start")) {
                runtime.startProcessInstanceByKey("bench-baseline", businessKey);
            } else {
                runtime.createMessageCorrelation("Go").processInstanceBusinessKey(businessKey).correlate();
            }
            latencies[i] = (System.nanoTime() - before) / 1e6;
        }
        return BaselineResult.of(operation.equals("start") ? "Camunda start instance (plain API)"
                : "Camunda correlate message (plain API)", latencies, (System.nanoTime() - begin) / 1e9);
    }

    @Override
    public void close() {
        engine.close();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
