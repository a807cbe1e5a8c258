package com.tencent.bk.partner.web;

import com.tencent.bk.partner.process.TaskRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Teaches Camunda's REST API that a {@link TaskRefusedException} from a task listener is a 403, not a 500:
 * the engine wraps listener exceptions in a plain {@link ProcessEngineException}.
 */
@Component
class TaskRefusalMapping implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1) // ahead of Camunda's own mapper for the same exception type
    static class Mapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskRefusedException refused) {
                    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "TaskRefusedException", "message", refused.getMessage()))
                            .build();
                }
            }
            return camundaDefault.toResponse(exception);
        }
    }
}
