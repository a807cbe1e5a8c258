package com.tencent.bk.partner.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API answers bad input it did not foresee with 500 and the exception's class and message (a
 * NullPointerException naming Camunda's DTOs, a PostgreSQL error for a negative offset). Here:
 * <ul>
 * <li>negative or non-numeric {@code firstResult}/{@code maxResults} are refused with 400 before any query;
 * <li>an unforeseen runtime exception of the kind bad input causes (null, illegal argument, wrong cast) is a
 * 400 with a generic message; anything else unforeseen a 500 with a generic message; both are logged;
 * <li>a body Jackson cannot read is a 400 naming the field, without Jackson's class names;
 * <li>no error body carries a stack trace, a Java class name or SQL: such a message is replaced.
 * </ul>
 * Camunda's documented error {@code type}s (InvalidRequestException, AuthorizationException, …) stay.
 */
@Component
class EngineRestHygiene implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestHygiene.class);

    static final String BAD_REQUEST = "InvalidRequestException";
    static final String GENERIC_400 = "The request could not be processed: check its parameters and body";
    static final String GENERIC_500 = "The engine could not complete the request";

    /** A qualified class name, an exception's name, MyBatis' "###" report, SQL, a stack frame. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*|\\w+(Exception|Error)\\b|###|\\bSQL|\\bat [a-z]+\\.");
    private static final List<Class<? extends RuntimeException>> BAD_INPUT = List.of(NullPointerException.class,
            IllegalArgumentException.class, ClassCastException.class, IndexOutOfBoundsException.class,
            UnsupportedOperationException.class, NullValueException.class);

    @Override
    public void customize(ResourceConfig config) {
        config.register(PagingParameters.class);
        config.register(UnexpectedExceptions.class);
        config.register(UnreadableJson.class);
        config.register(MalformedJson.class);
    }

    static Response error(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    static boolean causedByBadInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (BAD_INPUT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The final say on an answer Camunda's own mappers made: a 500 caused by bad input becomes a 400; a
     * message that would leak internals is replaced by a generic one.
     */
    static Response clean(Response response, Throwable exception) {
        if (response.getStatus() == 500) {
            log.warn("Engine REST request failed", exception);
            return causedByBadInput(exception)
                    ? error(Response.Status.BAD_REQUEST, BAD_REQUEST, safe(exception.getMessage(), GENERIC_400))
                    : error(Response.Status.INTERNAL_SERVER_ERROR, "ProcessEngineException", GENERIC_500);
        }
        if (response.getEntity() instanceof ExceptionDto dto && leaks(dto.getMessage())) {
            dto.setMessage(response.getStatus() >= 500 ? GENERIC_500 : GENERIC_400);
        }
        return response;
    }

    static boolean leaks(String message) {
        return message != null && LEAK.matcher(message).find();
    }

    private static String safe(String message, String otherwise) {
        return message == null || message.isBlank() || leaks(message) ? otherwise : message;
    }

    /** Offsets and page sizes are whole numbers from 0: PostgreSQL refuses a negative OFFSET with a 500. */
    static class PagingParameters implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            var query = request.getUriInfo().getQueryParameters();
            for (String name : List.of("firstResult", "maxResults")) {
                for (String value : query.getOrDefault(name, List.of())) {
                    if (!value.matches("\\d{1,9}")) {
                        request.abortWith(error(Response.Status.BAD_REQUEST, BAD_REQUEST,
                                name + " must be a whole number from 0, not '" + printable(value) + "'"));
                        return;
                    }
                }
            }
        }

        private static String printable(String value) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
            return shown.replaceAll("[^\\p{Alnum}+\\-.]", "?");
        }
    }

    @Priority(1) // ahead of Camunda's ExceptionHandler, which answers 500 with the exception's class and message
    static class UnexpectedExceptions implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable exception) {
            if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                return web.getResponse();
            }
            log.warn("Engine REST request failed", exception);
            return causedByBadInput(exception)
                    ? error(Response.Status.BAD_REQUEST, BAD_REQUEST, GENERIC_400)
                    : error(Response.Status.INTERNAL_SERVER_ERROR, "ProcessEngineException", GENERIC_500);
        }
    }

    /** Well-formed JSON of the wrong shape: the field is named, Jackson's message (with class names) is not given. */
    @Priority(1)
    static class UnreadableJson implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException exception) {
            String field = exception.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : String.valueOf(reference.getIndex()))
                    .reduce((parent, child) -> parent + "." + child).orElse(null);
            return error(Response.Status.BAD_REQUEST, BAD_REQUEST, field == null
                    ? "The body is not JSON of the expected shape"
                    : "The body is not JSON of the expected shape: field '" + field + "' has the wrong type");
        }
    }

    @Priority(1)
    static class MalformedJson implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException exception) {
            return error(Response.Status.BAD_REQUEST, BAD_REQUEST, "The body is not valid JSON");
        }
    }
}
