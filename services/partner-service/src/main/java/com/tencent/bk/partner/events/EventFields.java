package com.tencent.bk.partner.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of an event's {@code data}, collecting every problem so that the dead-letter reason
 * names all bad fields at once. Call {@link #validate()} after reading; the values read from bad fields
 * are {@code null}.
 */
public final class EventFields {

    private static final int MAX_TEXT = 1000;

    private final CloudEvent event;
    private final JsonNode data;
    private final List<String> problems = new ArrayList<>();

    public EventFields(CloudEvent event) {
        this.event = event;
        this.data = event.data();
    }

    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            problems.add("data." + field + " is missing");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add("data." + field + " must be a non-empty string");
            return null;
        }
        if (node.asText().length() > MAX_TEXT) {
            problems.add("data." + field + " is longer than " + MAX_TEXT + " characters");
            return null;
        }
        return node.asText();
    }

    /** An identifier (certificate, engineer, invoice, case …) of at most {@code maxLength} characters. */
    public String identifier(String field, int maxLength) {
        String value = text(field);
        if (value != null && value.length() > maxLength) {
            problems.add("data." + field + " is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : text(field);
    }

    public String partnerId(String field) {
        String value = text(field);
        if (value != null && !UnifiedSocialCreditCode.isValid(value)) {
            problems.add("data." + field + " is not a valid unified social credit code: " + value);
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> E oneOf(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add("data." + field + " must be one of " + List.of(type.getEnumConstants()) + ", was " + value);
            return null;
        }
    }

    public <E extends Enum<E>> E optionalOneOf(String field, Class<E> type) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : oneOf(field, type);
    }

    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("data." + field + " must be a date (yyyy-mm-dd), was " + value);
            return null;
        }
    }

    public LocalDate optionalDate(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : date(field);
    }

    public OffsetDateTime instant(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("data." + field + " must be an RFC 3339 timestamp, was " + value);
            return null;
        }
    }

    /** A positive decimal amount, given as a string ("1200.00") as docs/contracts.md says. */
    public BigDecimal amount(String field) {
        JsonNode node = data.get(field);
        if (node != null && node.isNumber()) {
            problems.add("data." + field + " must be a decimal string, not a JSON number");
            return null;
        }
        String value = text(field);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            problems.add("data." + field + " must be a positive decimal with at most 2 places, was " + value);
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            problems.add("data." + field + " must be greater than zero, was " + value);
            return null;
        }
        return amount;
    }

    public String currency(String field) {
        String value = text(field);
        if (value != null && !value.matches("[A-Z]{3}")) {
            problems.add("data." + field + " must be an ISO 4217 code such as CNY, was " + value);
            return null;
        }
        return value;
    }

    /** Reports a problem found by a rule spanning several fields. */
    public void problem(String description) {
        problems.add(description);
    }

    public void require(boolean condition, String description) {
        if (!condition) {
            problems.add(description);
        }
    }

    public CloudEvent event() {
        return event;
    }

    /** @throws InvalidEventException when any field read so far was missing or invalid */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
    }

    /** The unknown-type rejection shared by every reader. */
    public static InvalidEventException unknownType(CloudEvent event, Set<String> known) {
        return new InvalidEventException("unknown event type " + event.type() + " (expected one of " + known + ")");
    }
}
