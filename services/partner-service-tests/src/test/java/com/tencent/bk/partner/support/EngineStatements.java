package com.tencent.bk.partner.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's reads (MyBatis statement ids, e.g. {@code …AuthorizationEntity.selectAuthorizationByParameters}) made
 * by the calling thread while it runs something: what a change meant to spare the database can be counted. Installed
 * once into the engine of the shared test context; on every other thread, and outside {@link #during}, it only
 * passes the call on.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public final class EngineStatements implements Interceptor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The reads made by this thread while {@code work} ran, in order, and its result. */
    public record Recorded<T>(List<String> reads, T result) {

        public long count(String statement) {
            return reads.stream().filter(id -> id.endsWith("." + statement) || id.equals(statement)).count();
        }

        public long countStartingWith(String statement) {
            return reads.stream().filter(id -> id.substring(id.lastIndexOf('.') + 1).startsWith(statement)).count();
        }
    }

    public static synchronized void installIn(ProcessEngineConfigurationImpl engine) {
        org.apache.ibatis.session.Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        if (mybatis.getInterceptors().stream().noneMatch(EngineStatements.class::isInstance)) {
            mybatis.addInterceptor(new EngineStatements());
        }
    }

    public static <T> Recorded<T> during(Supplier<T> work) {
        List<String> reads = new ArrayList<>();
        RECORDING.set(reads);
        try {
            T result = work.get();
            return new Recorded<>(List.copyOf(reads), result);
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        List<String> reads = RECORDING.get();
        if (reads != null) {
            reads.add(((MappedStatement) invocation.getArgs()[0]).getId());
        }
        return invocation.proceed();
    }
}
