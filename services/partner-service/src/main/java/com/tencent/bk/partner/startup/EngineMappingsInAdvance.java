package com.tencent.bk.partner.startup;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Starts parsing the engine's SQL mappings ({@link EngineMappings}) when the application starts, before its
 * configuration is even read, and hands the parse to the context as the bean {@value #BEAN_NAME} before any bean is
 * created. Registered in {@code META-INF/spring.factories}: it must run before the context exists. The mappings are
 * parsed for PostgreSQL, the one database the service runs on (its migrations are PostgreSQL's), and the engine's
 * default table prefix; an engine configured otherwise parses its own.
 */
public class EngineMappingsInAdvance implements GenericApplicationListener {

    static final String BEAN_NAME = "engineMappingsInAdvance";
    static final String DATABASE_TYPE = "postgres";
    static final String TABLE_PREFIX = "";

    private EngineMappings mappings;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationStartingEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent && mappings == null) {
            mappings = EngineMappings.parseInBackground(DATABASE_TYPE, TABLE_PREFIX);
        } else if (event instanceof ApplicationPreparedEvent prepared && mappings != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, mappings);
        }
    }
}
