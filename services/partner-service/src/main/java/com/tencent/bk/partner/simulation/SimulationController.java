package com.tencent.bk.partner.simulation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/simulation} (profile {@code simulation}, administrators only): {@code POST /clock
 * {"now": "2027-03-01T00:30:00+08:00"}} moves the program clock forward and answers once the jobs due by then
 * have run; {@code GET /clock} reads it; {@code GET /idle} says how many due jobs are still waiting.
 */
@RestController
@Profile("simulation")
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class SimulationController {

    record ClockRequest(OffsetDateTime now) {
    }

    private final SimulationClock clock;
    private final DueJobs jobs;

    SimulationController(SimulationClock clock, DueJobs jobs) {
        this.clock = clock;
        this.jobs = jobs;
    }

    @PostMapping("/api/simulation/clock")
    Map<String, Object> move(@RequestBody ClockRequest request) {
        if (request == null || request.now() == null) {
            throw new IllegalArgumentException("now: required, an ISO-8601 date-time with offset");
        }
        SimulationClock.Moved moved = clock.moveTo(request.now().toInstant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", moved.now().toString());
        body.put("daysCrossed", moved.daysCrossed());
        body.put("dueJobs", moved.dueJobsLeft());
        return body;
    }

    @GetMapping("/api/simulation/clock")
    Map<String, Object> now() {
        return Map.of("now", clock.now().toString());
    }

    @GetMapping("/api/simulation/idle")
    Map<String, Object> idle() {
        long due = jobs.count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.now().toString());
        body.put("dueJobs", due);
        body.put("failedJobs", jobs.failed());
        body.put("idle", due == 0);
        return body;
    }

    @ExceptionHandler(SimulationClock.BackwardsException.class)
    ProblemDetail backwards(SimulationClock.BackwardsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperties(Map.of("errors", List.of(Map.of("field", "now", "message", e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperties(Map.of("errors", List.of(Map.of("field", "now", "message", e.getMessage()))));
        return problem;
    }
}
