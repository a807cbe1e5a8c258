package com.tencent.bk.partner.courses;

import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionLog;
import com.tencent.bk.partner.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code course-review} and {@code course-suspension}. The partner is the business key and the
 * decision comes from the decision log, never from a variable a task completion could send.
 */
@Configuration
class CourseDelegates {

    @Bean
    JavaDelegate approveCourse(Courses courses, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            DecisionLog.Recorded decision = decisions.latest(execution, Bpmn.REVIEW_COURSE);
            courses.approve(variables.partnerId(), variables.uuid(Courses.COURSE_ID), decision.decidedBy(),
                    decision.comment());
        };
    }

    @Bean
    JavaDelegate rejectCourse(Courses courses, DecisionLog decisions) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            DecisionLog.Recorded decision = decisions.latest(execution, Bpmn.REVIEW_COURSE);
            courses.reject(variables.partnerId(), variables.uuid(Courses.COURSE_ID), decision.decidedBy(),
                    decision.comment());
        };
    }

    @Bean
    JavaDelegate withdrawUnreplacedCourse(Courses courses) {
        return execution -> {
            ProcessVariables variables = ProcessVariables.of(execution);
            courses.withdrawUnreplaced(variables.partnerId(), variables.uuid(Courses.COURSE_ID));
        };
    }
}
