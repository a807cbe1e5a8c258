package com.tencent.bk.partner.termination;

import com.tencent.bk.partner.benefits.Benefits;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.termination.TerminationEvents.PartnerTerminated;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What a decided {@code contract-termination} case does. */
@Component
class Termination {

    private final PartnerRegistry registry;
    private final Outbox outbox;
    private final Workflows workflows;
    private final TerminationCases cases;
    private final ProgramClock clock;
    private final ApplicationEventPublisher events;
    private final Benefits benefits;

    Termination(PartnerRegistry registry, Outbox outbox, Workflows workflows, TerminationCases cases,
                ProgramClock clock, ApplicationEventPublisher events, Benefits benefits) {
        this.benefits = benefits;
        this.registry = registry;
        this.outbox = outbox;
        this.workflows = workflows;
        this.cases = cases;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Terminated with immediate effect: status TERMINATED, the contract ended today, benefits revoked
     * ({@code bk.partner.terminated}), every other process of the partner ended.
     */
    void terminate(String partnerId, String caseProcessInstanceId, String reason, String decidedBy, String comment) {
        LocalDate effectiveOn = clock.today();
        registry.terminate(partnerId, effectiveOn);
        workflows.endOtherProcesses(partnerId, caseProcessInstanceId, "partner terminated: " + reason);
        outbox.publish(new PartnerTerminated(partnerId, reason, effectiveOn, false));
        cases.decide(partnerId, "TERMINATED", decidedBy, comment);
        benefits.announce(partnerId, Benefits.Reason.TERMINATED, reason);
        events.publishEvent(new PartnershipTerminated(partnerId, reason));
    }

    /**
     * Not confirmed: the case closes with the manager's reason and the partnership goes on. Its tier is
     * decided afresh ({@link TerminationDeclined}), so a shortfall that led here is watched again.
     */
    void decline(String partnerId, String decidedBy, String comment) {
        cases.decide(partnerId, "DECLINED", decidedBy, comment);
        events.publishEvent(new TerminationDeclined(partnerId));
    }
}
