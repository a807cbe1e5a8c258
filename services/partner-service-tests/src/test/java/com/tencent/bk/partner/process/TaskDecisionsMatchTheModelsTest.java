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
            }
        }
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
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.path("key").asText());
            }
            collect(component, keys);
        }
    }
}
