package com.tencent.bk.partner.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's SQL mappings (MyBatis' XML of every statement the engine has: 55 files, about 1 MB), parsed on a thread
 * of their own. The engine parses them while it builds, on the main thread: a quarter of the main thread's CPU in a
 * start, the same work every time, while the second core mostly waits (docs/benchmarks.md, "The engine's SQL mappings
 * in advance"). The parse needs nothing but the database type and the table prefix.
 * {@link EngineMappingsInAdvance} starts it as soon as the configuration is read; {@link EngineConfiguration} takes the
 * result where the engine would parse.
 */
public final class EngineMappings {

    private static final Logger log = LoggerFactory.getLogger(EngineMappings.class);

    private final String databaseType;
    private final String tablePrefix;
    private final CompletableFuture<Configuration> parsed;
    private final AtomicBoolean taken = new AtomicBoolean();

    EngineMappings(String databaseType, String tablePrefix, CompletableFuture<Configuration> parsed) {
        this.databaseType = databaseType;
        this.tablePrefix = tablePrefix;
        this.parsed = parsed;
    }

    /** Starts the parse on a daemon thread and returns at once. */
    static EngineMappings parseInBackground(String databaseType, String tablePrefix) {
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                parsed.complete(parse(databaseType, tablePrefix));
            } catch (RuntimeException | Error failure) {
                parsed.completeExceptionally(failure);
            }
        }, "engine-mappings");
        thread.setDaemon(true);
        thread.start();
        return new EngineMappings(databaseType, tablePrefix, parsed);
    }

    /**
     * What {@code ProcessEngineConfigurationImpl#initSqlSessionFactory} parses for a database type and table prefix,
     * without the environment (transactions, data source) it sets afterwards.
     */
    static Configuration parse(String databaseType, String tablePrefix) {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        try (InputStream mappings = ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
                Reader reader = new InputStreamReader(mappings)) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The parsed mappings, once, if they were parsed for this database type and table prefix; waits for the parse to
     * end. Empty otherwise, or if the parse failed: the engine then parses itself, as it always did.
     */
    Optional<Configuration> take(String engineDatabaseType, String engineTablePrefix) {
        if (!databaseType.equals(engineDatabaseType) || !tablePrefix.equals(engineTablePrefix)) {
            log.info("SQL mappings were parsed in advance for database {} and table prefix '{}', the engine runs on {} "
                    + "and '{}': it parses its own", databaseType, tablePrefix, engineDatabaseType, engineTablePrefix);
            return Optional.empty();
        }
        if (!taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        long waitFrom = System.nanoTime();
        try {
            Configuration configuration = parsed.join();
            log.info("Engine's SQL mappings parsed in advance; the engine waited {} ms for them",
                    (System.nanoTime() - waitFrom) / 1_000_000);
            return Optional.of(configuration);
        } catch (CompletionException failed) {
            log.warn("Parsing the engine's SQL mappings in advance failed; the engine parses them itself", failed.getCause());
            return Optional.empty();
        }
    }

    /** Whether an engine took these mappings. */
    public boolean taken() {
        return taken.get() && parsed.isDone() && !parsed.isCompletedExceptionally();
    }
}
