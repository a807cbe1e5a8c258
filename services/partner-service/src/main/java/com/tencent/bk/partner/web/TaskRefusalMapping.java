package com.tencent.bk.partner.web;

import com.tencent.bk.partner.process.DecisionRefusedException;
import com.tencent.bk.partner.process.TaskNotReadyException;
import com.tencent.bk.partner.process.TaskRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Teaches Camunda's REST API the answers it would otherwise give as 500:
 * <ul>
 * <li>a completion that is not exactly its task's decision ({@link DecisionRefusedException}) is a 400 naming the
 * variables;
 * <li>a {@link TaskNotReadyException} from a task listener (a renewal signed before the partner's attestations or
 * while it does not qualify) is a 409: the task stays open and the same completion succeeds later;
 * <li>a {@link TaskRefusedException} from a task listener (four-eyes) is a 403;
 * <li>an {@link OptimisticLockingException} — the task's process changed at the same moment, e.g. an event was
 * correlated to it — is a 409 the user can simply retry;
 * <li>claiming a task another user has claimed is a 409 (Tasklist shows who holds it);
 * <li>completing a task that no longer exists — its process moved on, e.g. a shortfall closed by itself while
 * the manager had the form open — is a 404.
 * </ul>
 * The engine wraps listener exceptions in a plain {@link ProcessEngineException}, and some resources (task
 * completion) wrap that again in a {@link RestException} with status 500, so both are unwrapped here.
 */
@Component
class TaskRefusalMapping implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(EngineExceptions.class);
        config.register(WrappedEngineExceptions.class);
    }

    /** The answer for a known cause anywhere in the chain, if there is one. */
    static Optional<Response> knownCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DecisionRefusedException refused) {
                return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "DecisionRefusedException", "message", refused.getMessage(),
                                "variables", refused.variables()))
                        .build());
            }
            if (cause instanceof TaskNotReadyException notReady) {
                return Optional.of(answer(Response.Status.CONFLICT, "TaskNotReadyException", notReady.getMessage()));
            }
            if (cause instanceof TaskRefusedException refused) {
                return Optional.of(answer(Response.Status.FORBIDDEN, "TaskRefusedException", refused.getMessage()));
            }
            if (cause instanceof TaskAlreadyClaimedException) {
                return Optional.of(answer(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
                        "该任务已由他人认领 The task is already claimed by someone else"));
            }
            if (cause instanceof OptimisticLockingException) {
                return Optional.of(answer(Response.Status.CONFLICT, "OptimisticLockingException",
                        "该流程刚被其他操作修改，请重试 The process changed at the same moment; please try again"));
            }
            if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                return Optional.of(answer(Response.Status.NOT_FOUND, "TaskGoneException",
                        "该任务已不存在，流程已继续 The task no longer exists; its process has moved on"));
            }
        }
        return Optional.empty();
    }

    private static Response answer(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    @Priority(1) // ahead of Camunda's own mapper for the same exception type
    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return knownCause(exception)
                    .orElseGet(() -> EngineRestHygiene.clean(camundaDefault.toResponse(exception), exception));
        }
    }

    @Priority(1)
    static class WrappedEngineExceptions implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (exception.getStatus() != null && exception.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
                return EngineRestHygiene.clean(camundaDefault.toResponse(exception), exception);
            }
            return knownCause(exception.getCause())
                    .orElseGet(() -> EngineRestHygiene.clean(camundaDefault.toResponse(exception), exception));
        }
    }
}
