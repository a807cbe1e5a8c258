package com.tencent.bk.partner.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The engine's SQL mappings parsed in advance are the ones the engine parses itself, and the engine takes them only
 * when they were parsed for its database type and table prefix, with its own transactions, data source, statement
 * timeout and executor.
 */
class EngineMappingsTest {

    private static final DataSource NEVER_CONNECTED = new PGSimpleDataSource();
    /** Each parse takes about a second: the engine's own and the advance parse of a database and prefix, once. */
    private static final Map<String, Map<String, String>> PARSED = new ConcurrentHashMap<>();

    @Test
    void theMappingsParsedInAdvanceAreTheOnesTheEngineParses() {
        assertThat(parsedInAdvance("postgres", "")).isEqualTo(ownParse("postgres", ""));
        assertThat(parsedInAdvance("postgres", "engine.")).isEqualTo(ownParse("postgres", "engine."));
    }

    @Test
    void anotherDatabaseOrPrefixGivesOtherStatements() {
        // what shows the comparison above can fail
        Map<String, String> engines = ownParse("postgres", "");
        assertThat(parsedInAdvance("h2", "")).isNotEqualTo(engines);
        assertThat(parsedInAdvance("postgres", "engine.")).isNotEqualTo(engines);
    }

    @Test
    void theEngineTakesTheMappingsParsedForItsDatabaseAndPrefix() {
        EngineMappings inAdvance = EngineMappings.parseInBackground("postgres", "");
        EngineConfiguration engine = engine(inAdvance, "postgres", "");
        engine.setJdbcStatementTimeout(7);
        engine.setJdbcBatchProcessing(true);

        engine.initSqlSessionFactory();

        assertThat(inAdvance.taken()).isTrue();
        Configuration mappings = engine.getSqlSessionFactory().getConfiguration();
        assertThat(mappings.getEnvironment().getDataSource()).isSameAs(engine.getDataSource());
        assertThat(mappings.getEnvironment().getTransactionFactory()).isSameAs(engine.getTransactionFactory());
        assertThat(mappings.getDefaultStatementTimeout()).isEqualTo(7);
        assertThat(mappings.getDefaultExecutorType()).isEqualTo(ExecutorType.BATCH);
        assertThat(statements(mappings)).isEqualTo(ownParse("postgres", ""));
    }

    @Test
    void anEngineOnAnotherDatabaseOrPrefixParsesItself() {
        EngineMappings forPostgres = EngineMappings.parseInBackground("postgres", "");

        EngineConfiguration prefixed = engine(forPostgres, "postgres", "engine.");
        prefixed.initSqlSessionFactory();
        EngineConfiguration h2 = engine(forPostgres, "h2", "");
        h2.initSqlSessionFactory();

        assertThat(forPostgres.taken()).isFalse();
        assertThat(statements(prefixed.getSqlSessionFactory().getConfiguration()))
                .isEqualTo(parsedInAdvance("postgres", "engine."));
        assertThat(statements(h2.getSqlSessionFactory().getConfiguration()))
                .isEqualTo(parsedInAdvance("h2", ""));
    }

    @Test
    void aFailedParseLeavesTheParseToTheEngine() {
        EngineMappings failed = new EngineMappings("postgres", "",
                CompletableFuture.failedFuture(new IllegalStateException("mapping file unreadable")));
        EngineConfiguration engine = engine(failed, "postgres", "");

        engine.initSqlSessionFactory();

        assertThat(failed.taken()).isFalse();
        assertThat(statements(engine.getSqlSessionFactory().getConfiguration()))
                .isEqualTo(parsedInAdvance("postgres", ""));
    }

    @Test
    void mappingsAreTakenOnce() {
        EngineMappings inAdvance = EngineMappings.parseInBackground("postgres", "");
        EngineConfiguration first = engine(inAdvance, "postgres", "");
        first.initSqlSessionFactory();
        EngineConfiguration second = engine(inAdvance, "postgres", "");
        second.initSqlSessionFactory();

        assertThat(second.getSqlSessionFactory().getConfiguration())
                .isNotSameAs(first.getSqlSessionFactory().getConfiguration());
        assertThat(statements(second.getSqlSessionFactory().getConfiguration()))
                .isEqualTo(statements(first.getSqlSessionFactory().getConfiguration()));
    }

    private static EngineConfiguration engine(EngineMappings inAdvance, String databaseType, String tablePrefix) {
        EngineConfiguration engine = new EngineConfiguration(inAdvance);
        engine.setDatabaseType(databaseType);
        engine.setDatabaseTablePrefix(tablePrefix);
        engine.setTransactionFactory(new ManagedTransactionFactory());
        engine.setDataSource(NEVER_CONNECTED);
        return engine;
    }

    /** The statements of the engine's own parse: its configuration class with nothing parsed in advance. */
    private static Map<String, String> ownParse(String databaseType, String tablePrefix) {
        return PARSED.computeIfAbsent("engine " + databaseType + " " + tablePrefix, key -> {
            EngineConfiguration engine = engine(null, databaseType, tablePrefix);
            engine.initSqlSessionFactory();
            return statements(engine.getSqlSessionFactory().getConfiguration());
        });
    }

    private static Map<String, String> parsedInAdvance(String databaseType, String tablePrefix) {
        return PARSED.computeIfAbsent("in advance " + databaseType + " " + tablePrefix,
                key -> statements(EngineMappings.parse(databaseType, tablePrefix)));
    }

    /**
     * Every statement by id: its kind, result maps and parameter map, and its SQL where it has no dynamic parts (the
     * prefix and the database's variants are substituted into the text at parse time).
     */
    private static Map<String, String> statements(Configuration mappings) {
        Map<String, String> statements = new TreeMap<>();
        // by full name (namespace.id): a short name can be ambiguous
        for (String id : mappings.getMappedStatementNames().stream().filter(name -> name.contains(".")).toList()) {
            MappedStatement statement = mappings.getMappedStatement(id, false);
            StringBuilder description = new StringBuilder()
                    .append(statement.getSqlCommandType()).append(' ').append(statement.getStatementType())
                    .append(" results ").append(statement.getResultMaps().stream().map(ResultMap::getId).toList())
                    .append(" parameters ").append(statement.getParameterMap().getId());
            SqlSource sql = statement.getSqlSource();
            description.append(' ').append(sql.getClass().getSimpleName());
            if (sql instanceof RawSqlSource) {
                description.append(' ').append(sql.getBoundSql(null).getSql());
            }
            statements.put(id, description.toString());
        }
        for (String id : mappings.getResultMapNames().stream().filter(name -> name.contains(".")).toList()) {
            statements.put("resultMap " + id, mappings.getResultMap(id).getResultMappings().toString());
        }
        return statements;
    }
}
