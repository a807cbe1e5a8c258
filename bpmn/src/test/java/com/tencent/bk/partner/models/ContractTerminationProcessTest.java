package com.tencent.bk.partner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {ProcessTestSupport.CONTRACT_TERMINATION_BPMN, ProcessTestSupport.CONFIRM_TERMINATION_FORM})
class ContractTerminationProcessTest extends ProcessTestSupport {

    private static final String PARTNER_ID = "91350100M000100Y43";

    @Test
    void confirmedTerminationTerminatesThePartnership() {
        ProcessInstance instance = terminationRequested("VIOLATION_REPORTED", "LEVEL_3", "alice");

        decide(instance, "bob", true, "competing product confirmed");

        assertThat(instance).isEnded().hasPassed("terminate-partnership", "partnership-terminated")
                .hasNotPassed("close-termination-case", "termination-declined");
        assertThat(instance).variables().containsEntry("confirmed", true)
                .containsEntry("comment", "competing product confirmed");
        assertThat(fakes.calls()).containsExactly("terminationFourEyesGuard:assignment",
                "terminationFourEyesGuard:complete", "terminatePartnership");
    }

    @Test
    void declinedTerminationClosesTheCase() {
        ProcessInstance instance = terminationRequested("AUDIT_FINDING", "TRIAL", "alice");

        decide(instance, "bob", false, "finding was a data entry error");

        assertThat(instance).isEnded().hasPassed("close-termination-case", "termination-declined")
                .hasNotPassed("terminate-partnership", "partnership-terminated");
        assertThat(fakes.calls()).containsExactly("terminationFourEyesGuard:assignment",
                "terminationFourEyesGuard:complete", "closeTerminationCase");
    }

    @Test
    void terminationRaisedByTheSystemWithoutLevelIsDecidedTheSameWay() {
        ProcessInstance instance = terminationRequested("FEE_REFUNDED", null, null);

        decide(instance, "bob", true, "refund confirmed by finance");

        assertThat(instance).isEnded().hasPassed("partnership-terminated");
        assertThat(fakes.calls()).containsExactly("terminationFourEyesGuard:assignment",
                "terminationFourEyesGuard:complete", "terminatePartnership");
    }

    private ProcessInstance terminationRequested(String cause, String currentLevel, String raisedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerId", PARTNER_ID);
        variables.put("companyName", "福州示例科技有限公司");
        variables.put("partnerType", currentLevel == null ? "COMMUNITY" : "ENTERPRISE");
        variables.put("currentLevel", currentLevel);
        variables.put("terminationCause", cause);
        variables.put("terminationReason", "reason for " + cause);
        variables.put("raisedBy", raisedBy);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("contract-termination", PARTNER_ID,
                variables);
        assertThat(instance).isStarted().hasBusinessKey(PARTNER_ID).isWaitingAt("confirm-termination");
        assertThat(fakes.calls()).isEmpty();
        return instance;
    }

    private void decide(ProcessInstance instance, String manager, boolean confirmed, String comment) {
        Task confirmation = task("confirm-termination", instance);
        assertThat(confirmation).hasCandidateGroup("partner-managers").isNotAssigned();
        assertFormRef(confirmation, "confirm-termination");
        claim(confirmation, manager);
        assertThat(fakes.calls()).containsExactly("terminationFourEyesGuard:assignment");
        complete(confirmation, withVariables("confirmed", confirmed, "comment", comment));
    }
}
