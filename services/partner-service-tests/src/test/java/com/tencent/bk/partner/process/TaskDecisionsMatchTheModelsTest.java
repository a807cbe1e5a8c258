package com.tencent.bk.partner.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The declared decisions and the models agree: every user task of every model declares its decision, and every
 * field a task's form submits (not disabled) is a variable the task accepts — else Tasklist's "Complete" would
 * be refused, or a decision could not be entered.
 */
class TaskDecisionsMatchTheModelsTest {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    /**
     * Read-only numbers are text fields (form-js draws spinner arrows on every number field, disabled or not), and a
     * headcount row whose minimum is 0 for the type ("any level" of a type without that minimum) is not shown.
     */
    @Test
    void readOnlyNumbersHaveNoSpinnersAndRowsWithoutAMinimumAreHidden() throws IOException {
        for (Resource form : RESOURCES.getResources("classpath*:bpmn/*.form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = new ObjectMapper().readTree(in);
                for (JsonNode component : schema.findParents("type")) {
                    String key = component.path("key").asText();
                    assertThat(component.path("type").asText().equals("number")
                            && component.path("disabled").asBoolean(false))
                            .as("%s of %s is a read-only number field", key, form.getFilename()).isFalse();
                    if (key.startsWith("required")) {
                        assertThat(component.path("conditional").path("hide").asText())
                                .as("%s of %s: read-only fields hold text, the minimum is compared as text", key,
                                        form.getFilename())
                                .isEqualTo("=string(" + key + ") = \"0\"");
                    }
                }
            }
        }
    }

    @Test
    void aGuardIsNeverAVariableOfTheProcess() {
        assertThat(TaskDecisions.declaredTasks()).allSatisfy(task ->
                assertThat(TaskDecisions.of(task).accepted()).doesNotContain(REASON_GUARD));
    }

    @Test
    void everyUserTaskDeclaresItsDecisionAndItsFormSubmitsOnlyWhatItAccepts() throws IOException {
        Map<String, String> formOfTask = new HashMap<>();
        for (Resource model : RESOURCES.getResources("classpath*:bpmn/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance instance = Bpmn.readModelFromStream(in);
                for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                    formOfTask.put(task.getId(), task.getCamundaFormRef());
                }
            }
        }
        assertThat(formOfTask).isNotEmpty();
        assertThat(TaskDecisions.declaredTasks()).containsExactlyInAnyOrderElementsOf(formOfTask.keySet());

        for (var task : formOfTask.entrySet()) {
            Set<String> submitted = submittedFields(task.getValue());
            assertThat(TaskDecisions.of(task.getKey()).accepted()).as("form %s of task %s", task.getValue(), task.getKey())
                    .containsAll(submitted);
            String decision = TaskDecisions.of(task.getKey()).decision();
            if (decision != null) {
                assertThat(submitted).as("the form of %s lets the decision be entered", task.getKey()).contains(decision);
                assertExplicitChoice(task.getKey(), task.getValue(), decision);
            }
        }
    }

    /**
     * An untouched form cannot decide: the decision is a required radio group of exactly the values the task
     * accepts (booleans as JSON booleans, which Tasklist submits as Boolean), nothing preselected; where a negative
     * value needs a reason, a guard blocks Complete while that value is chosen and the comment is empty.
     */
    private static void assertExplicitChoice(String taskKey, String formId, String decision) throws IOException {
        TaskDecisions.Declaration declared = TaskDecisions.of(taskKey);
        JsonNode field = component(formId, decision);
        assertThat(field.path("type").asText()).as("%s of form %s", decision, formId).isEqualTo("radio");
        assertThat(field.path("validate").path("required").asBoolean()).as("%s required", decision).isTrue();
        assertThat(field.has("defaultValue")).as("%s has no default", decision).isFalse();
        Set<Object> values = new HashSet<>();
        for (JsonNode value : field.path("values")) {
            JsonNode raw = value.path("value");
            assertThat(raw.isBoolean() || raw.isTextual()).as("%s value %s", decision, raw).isTrue();
            if (declared.isBoolean()) {
                assertThat(raw.isBoolean()).as("%s of %s submits a boolean, never the text %s", decision, formId, raw)
                        .isTrue();
            }
            values.add(raw.isBoolean() ? raw.booleanValue() : raw.asText());
        }
        assertThat(values).as("choices of %s", decision).isEqualTo(declared.isBoolean() ? Set.of(true, false)
                : new HashSet<Object>(declared.choices()));
        if (declared.isBoolean() && declared.needsReason().contains("false")) {
            JsonNode comment = component(formId, TaskDecisions.COMMENT);
            JsonNode guard = component(formId, REASON_GUARD);
            boolean commentAlwaysRequired = comment.path("validate").path("required").asBoolean();
            assertThat(commentAlwaysRequired || guard.path("conditional").path("hide").asText()
                    .equals("=" + decision + " != false or (comment != null and comment != \"\")"))
                    .as("form %s needs a reason for %s = false", formId, decision).isTrue();
        }
    }

    /**
     * A guard: a read-only, required field that no variable fills. Shown, it blocks Complete ("required"); hidden
     * (its condition is met), form-js submits nothing of it. So it never reaches the server.
     */
    private static final String REASON_GUARD = "reasonMissing";

    private static boolean isGuard(JsonNode component) {
        return component.path("readonly").asBoolean(false) && component.path("validate").path("required").asBoolean()
                && component.path("conditional").has("hide");
    }

    private static JsonNode component(String formId, String key) throws IOException {
        for (Resource form : RESOURCES.getResources("classpath*:bpmn/*.form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = new ObjectMapper().readTree(in);
                if (formId.equals(schema.path("id").asText())) {
                    for (JsonNode component : schema.findParents("key")) {
                        if (key.equals(component.path("key").asText())) {
                            return component;
                        }
                    }
                }
            }
        }
        throw new AssertionError("form " + formId + " has no field " + key);
    }

    private static Set<String> submittedFields(String formId) throws IOException {
        Set<String> keys = new HashSet<>();
        for (Resource form : RESOURCES.getResources("classpath*:bpmn/*.form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = new ObjectMapper().readTree(in);
                if (formId.equals(schema.path("id").asText())) {
                    collect(schema, keys);
                }
            }
        }
        assertThat(keys).as("form %s found with fields", formId).isNotEmpty();
        return keys;
    }

    private static void collect(JsonNode container, Set<String> keys) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false) && !isGuard(component)) {
                keys.add(component.path("key").asText());
            }
            collect(component, keys);
        }
    }
}
