package com.tencent.bk.partner.web;

import com.tencent.bk.partner.process.TaskRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Teaches Camunda's REST API two answers it would otherwise give as 500: a {@link TaskRefusedException} from a
 * task listener (the engine wraps listener exceptions in a plain {@link ProcessEngineException}) is a 403; an
 * {@link OptimisticLockingException} — the task's process changed at the same moment, e.g. an event was
 * correlated to it — is a 409 the user can simply retry.
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
                if (cause instanceof OptimisticLockingException) {
                    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "OptimisticLockingException", "message",
                                    "该流程刚被其他操作修改，请重试 The process changed at the same moment; please try again"))
                            .build();
                }
            }
            return camundaDefault.toResponse(exception);
        }
    }
}
