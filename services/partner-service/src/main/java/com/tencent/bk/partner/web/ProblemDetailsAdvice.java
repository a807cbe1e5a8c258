package com.tencent.bk.partner.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the project's API as {@code application/problem+json}. Validation problems carry
 * {@code errors}: one entry per bad field, so a caller can fix them all at once. No stack traces, no SQL.
 */
@RestControllerAdvice(basePackages = "com.tencent.bk.partner")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        "The body exceeds the size this API accepts");
                tooLarge.setTitle("Request body too large");
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge);
            }
        }
        Optional<FieldError> wrongType = duplicateKey(ex).or(() -> wrongType(ex));
        if (wrongType.isPresent()) {
            return ResponseEntity.badRequest().body(invalid(List.of(wrongType.get())));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON of the expected shape");
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /** Well-formed JSON with a value of the wrong type ({@code "acceptsProgramRules": "yes"}): names the field. */
    private static Optional<FieldError> wrongType(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = mismatch.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        if (mismatch instanceof StrictApiJson.ControlCharacterException) {
            return Optional.of(new FieldError(field, StrictApiJson.PlainText.MESSAGE));
        }
        Class<?> target = mismatch.getTargetType();
        String expected = target == null ? "a value of another type"
                : target.isEnum() ? "one of " + List.of(target.getEnumConstants())
                : Boolean.class.equals(target) || boolean.class.equals(target) ? "true or false"
                : target.isRecord() ? "an object" : "a " + target.getSimpleName().toLowerCase(Locale.ROOT);
        return Optional.of(new FieldError(field, "has the wrong type: expected " + expected));
    }

    /** A key given twice ({@code STRICT_DUPLICATE_DETECTION}): named by its path, where the parser stopped. */
    private static Optional<FieldError> duplicateKey(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getProcessor() != null
                    && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field")) {
                JsonParser parser = read.getProcessor();
                List<String> path = new ArrayList<>();
                for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                     context = context.getParent()) {
                    path.add(0, context.inArray() ? String.valueOf(context.getCurrentIndex())
                            : String.valueOf(context.getCurrentName()));
                }
                return Optional.of(new FieldError(String.join(".", path), "is given more than once"));
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "must be one of " + List.of(ex.getRequiredType().getEnumConstants())
                : "has the wrong format";
        return invalid(List.of(new FieldError(ex.getName(), expected)));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException ex) {
        return invalid(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() + " invalid field(s): "
                        + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()));
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
