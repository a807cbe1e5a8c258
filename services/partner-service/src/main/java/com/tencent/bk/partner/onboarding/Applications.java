package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.onboarding.OnboardingEvents.ApplicationReceived;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Variables;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes applications from the partner website and starts their onboarding. */
@Service
class Applications {

    private final ApplicationRecords records;
    private final PartnerRegistry registry;
    private final Outbox outbox;
    private final Workflows workflows;

    Applications(ApplicationRecords records, PartnerRegistry registry, Outbox outbox, Workflows workflows) {
        this.records = records;
        this.registry = registry;
        this.outbox = outbox;
        this.workflows = workflows;
    }

    /** @throws ApplicationConflictException while the company has an open application or a partnership */
    @Transactional
    UUID submit(ApplicationRequest request, String submittedBy) {
        registry.lock(request.partnerId())
                .filter(partner -> PartnerStatus.BLOCKS_NEW_APPLICATION.contains(partner.status()))
                .ifPresent(partner -> {
                    throw new ApplicationConflictException("Company " + partner.partnerId() + " is already "
                            + partner.status() + " in the partner program");
                });
        UUID applicationId = UUID.randomUUID();
        try {
            records.insertOpen(applicationId, request, submittedBy);
        } catch (DuplicateKeyException e) {
            throw new ApplicationConflictException("Company " + request.partnerId() + " has an open application");
        }
        PartnerType type = PartnerType.valueOf(request.type());
        registry.recordApplicant(request.partnerId(), request.companyName(), type,
                new Partner.Contact(request.contact().name(), request.contact().email(), request.contact().phone()));
        registry.changeRegion(request.partnerId(), request.region());
        outbox.publish(new ApplicationReceived(request.partnerId(), applicationId, type));
        String processInstanceId = workflows.start(Bpmn.ONBOARDING, request.partnerId(),
                startVariables(applicationId, request));
        records.attachProcess(applicationId, processInstanceId);
        return applicationId;
    }

    private static Map<String, Object> startVariables(UUID applicationId, ApplicationRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.PARTNER_ID, request.partnerId());
        variables.put(Variables.APPLICATION_ID, applicationId.toString());
        variables.put(Variables.PARTNER_TYPE, request.type());
        variables.put(Variables.COMPANY_NAME, request.companyName());
        variables.put(Variables.CONTACT_NAME, request.contact().name());
        variables.put(Variables.CONTACT_EMAIL, request.contact().email());
        variables.put(Variables.CONTACT_PHONE, request.contact().phone());
        return variables;
    }
}
