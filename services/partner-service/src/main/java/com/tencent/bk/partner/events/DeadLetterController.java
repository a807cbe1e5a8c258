package com.tencent.bk.partner.events;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/dead-letters/{topic}/replay}: re-injects a topic's dead letters (administrators). */
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class DeadLetterController {

    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /** @param replayed how many records went back to the topic */
    record Replayed(String topic, int replayed) {
    }

    @PostMapping("/api/admin/dead-letters/{topic}/replay")
    @ApiResponse(responseCode = "200", description = "Replayed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = "InvalidRequest", description = "Not an inbound topic")
    Replayed replay(@PathVariable String topic) {
        return new Replayed(topic, replay.replay(topic));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknownTopic(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperties(Map.of("errors", java.util.List.of(Map.of("field", "topic", "message",
                "must be one of " + DeadLetterReplay.REPLAYABLE))));
        return problem;
    }
}
