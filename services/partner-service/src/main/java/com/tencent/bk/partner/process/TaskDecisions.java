package com.tencent.bk.partner.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What each user task of the program accepts: its decision and the few variables that go with it, declared per
 * task id (docs/contracts.md: "a task accepts only the variables named for it"). A completion that lacks its
 * decision, carries a decision of the wrong type, or carries anything else is refused with the variable named;
 * a negative decision needs a {@code comment} saying why.
 */
public final class TaskDecisions {

    public static final String COMMENT = "comment";
    public static final int MAX_COMMENT = 2000;
    private static final Pattern CONTRACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern PARTNER_ID = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    /** Verified certified engineers per track, in {@code Headcount} order (automation service, any, development). */
    public static final List<String> VERIFIED_HEADCOUNT = List.of("verifiedAutomationService",
            "verifiedAutomationUsage", "verifiedDevelopment");
    private static final int MAX_HEADCOUNT = 100_000;

    private static final Map<String, Declaration> DECLARED = declare(
            yesNo(Bpmn.REVIEW_APPLICATION, Variables.APPROVED),
            yesNo(Bpmn.APPROVE_APPLICATION, Variables.APPROVED),
            yesNo(Bpmn.SIGN_CONTRACT, Variables.CONTRACT_SIGNED, Variables.CONTRACT_ID),
            yesNo(Bpmn.REVIEW_RENEWAL, Variables.APPROVED),
            yesNo(Bpmn.SIGN_RENEWAL, Variables.CONTRACT_SIGNED, Variables.CONTRACT_ID),
            yesNo(Bpmn.CONFIRM_TERMINATION, "confirmed"),
            yesNo(Bpmn.RESOLVE_PAYMENT, Variables.ACCEPT_PAYMENT),
            yesNo(Bpmn.REVIEW_COURSE, Variables.APPROVED),
            // a mismatch says what the auditor verified: the headcount the tier is then held against
            new Declaration(Bpmn.AUDIT_PARTNER, Bpmn.AUDIT_OUTCOME, Set.of("CONFIRMED", "MISMATCH", "DECEPTION"),
                    Set.of("MISMATCH", "DECEPTION"), Set.copyOf(VERIFIED_HEADCOUNT), TaskDecisions::verifiedHeadcount),
            // a lead no partner took is placed by hand with a partner (placedWith), or not placed, saying why
            new Declaration(Bpmn.PLACE_REFERRAL, "placed", Set.of(), Set.of("false"), Set.of("placedWith"),
                    TaskDecisions::placedWith),
            // a shortfall follow-up decides nothing: the manager notes what was done, which is required
            new Declaration(Bpmn.FOLLOW_UP_SHORTFALL, null, Set.of(), Set.of(), Set.of()));

    private TaskDecisions() {
    }

    /**
     * One task's accepted variables. {@code decision} is the required decision variable (null: only a comment),
     * {@code choices} its values when it is not a boolean, {@code needsReason} the values that need a comment.
     */
    public record Declaration(String taskKey, String decision, Set<String> choices, Set<String> needsReason,
                              Set<String> extras, Rule rule) {

        public Declaration(String taskKey, String decision, Set<String> choices, Set<String> needsReason,
                           Set<String> extras) {
            this(taskKey, decision, choices, needsReason, extras, (value, values, problems, names) -> { });
        }

        public Set<String> accepted() {
            Set<String> names = new LinkedHashSet<>();
            if (decision != null) {
                names.add(decision);
            }
            names.add(COMMENT);
            names.addAll(extras);
            return names;
        }

        boolean isBoolean() {
            return decision != null && choices.isEmpty();
        }
    }

    /** A task's own rule over its decision and variables; adds each problem and the variable it names. */
    @FunctionalInterface
    public interface Rule {
        void check(String decision, Map<String, Object> values, List<String> problems, List<String> names);
    }

    /** A checked decision: its value as text ({@code true}, {@code false}, a choice, or null), and the variables. */
    public record Decision(String taskKey, String value, String comment, Map<String, Object> variables) {
    }

    public static Set<String> declaredTasks() {
        return DECLARED.keySet();
    }

    public static Declaration of(String taskKey) {
        Declaration declaration = DECLARED.get(taskKey);
        if (declaration == null) {
            throw new DecisionRefusedException("Task " + taskKey + " declares no decision and cannot be completed",
                    List.of());
        }
        return declaration;
    }

    /** Checks a completion's variables against its task's declaration; every problem is named at once. */
    public static Decision check(String taskKey, Map<String, ?> submitted) {
        Declaration declared = of(taskKey);
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (submitted != null) {
            submitted.forEach((name, raw) -> {
                Object value = raw instanceof TypedValue typed ? typed.getValue() : raw;
                if (!declared.accepted().contains(name)) {
                    problems.add(name + ": not a variable of task " + taskKey + " (accepted: "
                            + String.join(", ", declared.accepted()) + ")");
                    names.add(name);
                } else if (value != null && !(value instanceof String text && text.isBlank())) {
                    values.put(name, value);
                }
            });
        }
        String decision = null;
        if (declared.decision() != null) {
            decision = decisionValue(declared, values.get(declared.decision()), problems, names);
        }
        Object comment = values.get(COMMENT);
        if (comment != null && !(comment instanceof String)) {
            problems.add(COMMENT + ": must be text");
            names.add(COMMENT);
            comment = null;
        } else if (comment != null && (((String) comment).length() > MAX_COMMENT
                || CONTROL.matcher((String) comment).find())) {
            problems.add(COMMENT + ": at most " + MAX_COMMENT + " characters, no control characters");
            names.add(COMMENT);
        }
        boolean reasonNeeded = declared.decision() == null || (decision != null && declared.needsReason().contains(decision));
        if (reasonNeeded && comment == null && !names.contains(COMMENT)) {
            problems.add(COMMENT + ": required" + (declared.decision() == null ? "" : " when " + declared.decision()
                    + " is " + decision) + " (say why)");
            names.add(COMMENT);
        }
        Object contractId = values.get(Variables.CONTRACT_ID);
        if (contractId != null && !(contractId instanceof String text && CONTRACT_ID.matcher(text).matches())) {
            problems.add(Variables.CONTRACT_ID + ": 1-64 letters, digits or . _ / - (or blank for a generated id)");
            names.add(Variables.CONTRACT_ID);
        }
        declared.rule().check(decision, values, problems, names);
        if (!problems.isEmpty()) {
            throw new DecisionRefusedException("Task " + taskKey + " refused: " + String.join("; ", problems), names);
        }
        return new Decision(taskKey, decision, (String) comment, values);
    }

    private static String decisionValue(Declaration declared, Object value, List<String> problems, List<String> names) {
        String name = declared.decision();
        if (value == null) {
            problems.add(name + ": required, the decision of task " + declared.taskKey()
                    + (declared.isBoolean() ? " (true or false)" : " (one of " + String.join(", ", declared.choices()) + ")"));
            names.add(name);
            return null;
        }
        if (declared.isBoolean()) {
            if (value instanceof Boolean bool) {
                return bool.toString();
            }
            problems.add(name + ": must be a boolean (true or false), was " + describe(value));
        } else {
            if (value instanceof String text && declared.choices().contains(text)) {
                return text;
            }
            problems.add(name + ": must be one of " + String.join(", ", declared.choices()) + ", was " + describe(value));
        }
        names.add(name);
        return null;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return value.getClass().getSimpleName() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /**
     * {@code audit-partner}: with {@code MISMATCH} the three verified headcounts are required, whole numbers from 0,
     * and automation at service level cannot exceed automation at any level; with any other outcome they are
     * refused (the registered headcount stands, or the partner deceived).
     */
    private static void verifiedHeadcount(String outcome, Map<String, Object> values, List<String> problems,
                                          List<String> names) {
        boolean mismatch = "MISMATCH".equals(outcome);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : VERIFIED_HEADCOUNT) {
            Object value = values.get(name);
            if (value == null) {
                if (mismatch) {
                    problems.add(name + ": required when " + Bpmn.AUDIT_OUTCOME + " is MISMATCH (the headcount you verified)");
                    names.add(name);
                }
            } else if (outcome != null && !mismatch) {
                problems.add(name + ": only with " + Bpmn.AUDIT_OUTCOME + " MISMATCH");
                names.add(name);
            } else if (wholeNumber(value) == null) {
                problems.add(name + ": must be a whole number from 0 to " + MAX_HEADCOUNT + ", was " + describe(value));
                names.add(name);
            } else {
                counts.put(name, wholeNumber(value));
            }
        }
        Long service = counts.get(VERIFIED_HEADCOUNT.get(0));
        Long usage = counts.get(VERIFIED_HEADCOUNT.get(1));
        if (service != null && usage != null && service > usage) {
            problems.add(VERIFIED_HEADCOUNT.get(0) + ": cannot exceed " + VERIFIED_HEADCOUNT.get(1)
                    + " (a service-level automation engineer is also counted at any level)");
            names.add(VERIFIED_HEADCOUNT.get(0));
        }
    }

    /** {@code place-referral}: placed names the partner (a unified social credit code); not placed names none. */
    private static void placedWith(String placed, Map<String, Object> values, List<String> problems,
                                   List<String> names) {
        Object partner = values.get("placedWith");
        if ("true".equals(placed) && !(partner instanceof String text && PARTNER_ID.matcher(text).matches())) {
            problems.add("placedWith: required when placed is true, the partnerId (18 characters) of the partner"
                    + (partner == null ? "" : ", was " + describe(partner)));
            names.add("placedWith");
        } else if ("false".equals(placed) && partner != null) {
            problems.add("placedWith: only when placed is true");
            names.add("placedWith");
        }
    }

    /** The value as a whole number in range, or null: integers, or a number without fraction (forms send doubles). */
    private static Long wholeNumber(Object value) {
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                return null;
            }
            number = (long) d;
        } else {
            return null;
        }
        return number >= 0 && number <= MAX_HEADCOUNT ? number : null;
    }

    /** A verified headcount from a recorded decision's details (JSON numbers), in {@link #VERIFIED_HEADCOUNT} order. */
    public static int[] verifiedHeadcountOf(Map<String, Object> details) {
        int[] counts = new int[VERIFIED_HEADCOUNT.size()];
        for (int i = 0; i < counts.length; i++) {
            Object value = details.get(VERIFIED_HEADCOUNT.get(i));
            if (!(value instanceof Number number)) {
                throw new IllegalStateException("Decision lacks " + VERIFIED_HEADCOUNT.get(i) + ": " + details);
            }
            counts[i] = number.intValue();
        }
        return counts;
    }

    private static Declaration yesNo(String taskKey, String decision, String... extras) {
        return new Declaration(taskKey, decision, Set.of(), Set.of("false"), Set.of(extras));
    }

    private static Map<String, Declaration> declare(Declaration... declarations) {
        Map<String, Declaration> byTask = new LinkedHashMap<>();
        for (Declaration declaration : declarations) {
            byTask.put(declaration.taskKey(), declaration);
        }
        return Map.copyOf(byTask);
    }
}
