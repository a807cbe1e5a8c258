package com.tencent.bk.partner.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns JSON Schema errors into dead-letter reasons a person reads: the field, what it must be, what it was, and the
 * rule in parentheses, e.g. {@code data.track must be one of [AUTOMATION, DEVELOPMENT], was "OPERATIONS" (enum)}.
 * A pattern is explained by the {@code title} of the property's schema ("a valid unified social credit code"), a
 * rule of an {@code if/then} by the title of its branch. One reason per field: the first rule it breaks.
 */
final class SchemaViolations {

    private static final int MAX_VALUE_LENGTH = 60;

    private SchemaViolations() {
    }

    static List<String> describe(List<Error> errors, JsonNode schemaDocument) {
        Set<String> fields = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        for (Error error : errors) {
            String field = field(error);
            if (fields.add(field)) {
                reasons.add(describe(error, field, schemaDocument));
            }
        }
        return reasons;
    }

    private static String describe(Error error, String field, JsonNode schemaDocument) {
        JsonNode rule = schemaDocument.at(holder(error));
        String title = rule.path("title").isTextual() ? rule.path("title").asText() : null;
        JsonNode value = error.getInstanceNode();
        JsonNode argument = error.getSchemaNode();
        boolean conditional = error.getSchemaLocation().getFragment().contains("then")
                || error.getSchemaLocation().getFragment().contains("else");
        String text = switch (error.getKeyword()) {
            case "required" -> field + " is missing";
            case "type" -> field + " must be " + types(argument) + (title != null && !conditional ? " (" + title + ")"
                    : "") + ", was " + typeOf(value);
            case "enum" -> field + " must be one of " + list(argument) + ", was " + shown(value);
            case "const" -> field + " must be " + plain(argument) + ", was " + shown(value);
            case "pattern" -> field + " must be " + (title != null ? title : "text matching " + argument.asText())
                    + ", was " + shown(value);
            case "format" -> field + " must be " + format(argument.asText()) + ", was " + shown(value);
            case "minLength" -> argument.asInt() == 1 ? field + " must not be empty"
                    : field + " is shorter than " + argument.asInt() + " characters";
            case "maxLength" -> field + " is longer than " + argument.asInt() + " characters";
            case "minimum" -> field + " must be at least " + argument + ", was " + shown(value);
            case "maximum" -> field + " must be at most " + argument + ", was " + shown(value);
            default -> field + ": " + error.getMessage();
        };
        return text + " (" + error.getKeyword() + (conditional && title != null ? ": " + title : "") + ")";
    }

    /** {@code data.contact.name}, {@code data.certificateIds[0]}; a missing property is named as a field too. */
    private static String field(Error error) {
        StringBuilder field = new StringBuilder("data");
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            field.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field.append('.').append(error.getProperty());
        }
        return field.toString();
    }

    /** The schema holding the violated keyword, where its title is. */
    private static JsonPointer holder(Error error) {
        NodePath keyword = error.getSchemaLocation().getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < keyword.getNameCount() - 1; i++) {
            pointer.append('/').append(String.valueOf(keyword.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }

    private static String types(JsonNode type) {
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).map(t -> article(t.asText()))
                    .collect(Collectors.joining(" or "));
        }
        return article(type.asText());
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        return article(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber()
                ? "number" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object");
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String list(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false).map(SchemaViolations::plain)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String plain(JsonNode value) {
        return value.isTextual() ? value.asText() : String.valueOf(value);
    }

    /** The value as JSON (a string in quotes), cut short: a reason is read on a console. */
    private static String shown(JsonNode value) {
        String json = value == null ? "null" : value.toString();
        return json.length() <= MAX_VALUE_LENGTH ? json : json.substring(0, MAX_VALUE_LENGTH) + "…";
    }

    private static String format(String format) {
        return switch (format) {
            case "date" -> "a date (yyyy-mm-dd)";
            case "date-time" -> "an RFC 3339 timestamp";
            case "uuid" -> "a UUID";
            default -> "a valid " + format;
        };
    }
}
