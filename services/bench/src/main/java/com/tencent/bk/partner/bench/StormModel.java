package com.tencent.bk.partner.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * B5: a storm of events for a few partners, and what the service must end up with. Each partner starts at its
 * COMMUNITY minimum (2 AUTOMATION/SERVICE + 1 DEVELOPMENT engineer); grants, expiries, re-grants and
 * revocations push its headcount across the minimum again and again (shortfall opened, closed, opened, …),
 * payment failures are recorded beside them, and about one record in ten is re-sent later with the same id.
 * The model applies each distinct event once, in per-partner order, as the service must: any event lost or
 * applied twice (an expiry re-applied after its re-grant, a second payment row) shows up in the final state.
 */
final class StormModel {

    enum Status { VALID, EXPIRED, REVOKED }

    static final class Certificate {
        final String id;
        final String partnerId;
        final String track;
        final String level;
        Status status = Status.VALID;

        Certificate(String id, String partnerId, String track, String level) {
            this.id = id;
            this.partnerId = partnerId;
            this.track = track;
            this.level = level;
        }

        boolean service() {
            return "AUTOMATION".equals(track) && "SERVICE".equals(level);
        }
    }

    record Headcount(int automationService, int automationUsage, int development) {
        boolean meetsCommunityMinimum() {
            return automationService >= 2 && development >= 1;
        }
    }

    private final CloudEvents events;
    private final List<PlannedEvent> records = new ArrayList<>();
    private final Map<String, Certificate> certificates = new LinkedHashMap<>();
    private final List<String> paymentEventIds = new ArrayList<>();
    private final List<String> partnerIds;
    private int duplicates;

    StormModel(CloudEvents events, int count, List<Fixtures.AtMinimum> partners, Random random) {
        this.events = events;
        this.partnerIds = partners.stream().map(Fixtures.AtMinimum::partnerId).toList();
        for (Fixtures.AtMinimum partner : partners) {
            for (String id : partner.serviceCertificates()) {
                certificates.put(id, new Certificate(id, partner.partnerId(), "AUTOMATION", "SERVICE"));
            }
            certificates.put(partner.developmentCertificate(),
                    new Certificate(partner.developmentCertificate(), partner.partnerId(), "DEVELOPMENT", null));
        }
        Map<String, List<PlannedEvent>> sentByPartner = new HashMap<>();
        int serial = 0;
        while (records.size() < count) {
            String partnerId = partnerIds.get(random.nextInt(partnerIds.size()));
            List<PlannedEvent> earlier = sentByPartner.computeIfAbsent(partnerId, id -> new ArrayList<>());
            PlannedEvent event;
            double r = random.nextDouble();
            if (r < 0.10 && earlier.size() > 5) {
                // re-sent: the same record again, some time after the original
                event = earlier.get(earlier.size() - 1 - random.nextInt(Math.min(earlier.size(), 20)));
                duplicates++;
                records.add(event);
                continue;
            }
            if (r < 0.25) {
                event = events.paymentFailed(partnerId, "INV-STORM-" + serial++);
                paymentEventIds.add(event.eventId());
            } else {
                event = certificationEvent(partnerId, random, serial++);
            }
            earlier.add(event);
            records.add(event);
        }
    }

    /** Steers the partner's SERVICE headcount around its minimum of 2, so results keep changing. */
    private PlannedEvent certificationEvent(String partnerId, Random random, int serial) {
        Headcount now = headcount(partnerId);
        boolean up = now.automationService() < 2 || (now.automationService() <= 3 && random.nextBoolean());
        List<Certificate> own = certificates.values().stream().filter(c -> c.partnerId.equals(partnerId)).toList();
        if (up) {
            List<Certificate> expired = own.stream().filter(c -> c.status == Status.EXPIRED).toList();
            if (!expired.isEmpty() && random.nextBoolean()) {
                Certificate again = expired.get(random.nextInt(expired.size()));
                again.status = Status.VALID;
                return events.granted(partnerId, again.id, engineer(again), again.track, again.level);
            }
            boolean service = random.nextDouble() < 0.8;
            Certificate fresh = new Certificate("CERT-STORM-" + events.source().hashCode() + "-" + serial, partnerId,
                    service ? "AUTOMATION" : "DEVELOPMENT", service ? "SERVICE" : null);
            certificates.put(fresh.id, fresh);
            return events.granted(partnerId, fresh.id, engineer(fresh), fresh.track, fresh.level);
        }
        List<Certificate> valid = own.stream().filter(c -> c.status == Status.VALID && c.service()).toList();
        Certificate target = valid.get(random.nextInt(valid.size()));
        if (random.nextDouble() < 0.7) {
            target.status = Status.EXPIRED;
            return events.expired(partnerId, target.id);
        }
        target.status = Status.REVOKED;
        return events.revoked(partnerId, target.id);
    }

    private static String engineer(Certificate certificate) {
        return "ENG-" + certificate.id;
    }

    Headcount headcount(String partnerId) {
        int service = 0;
        int usage = 0;
        int development = 0;
        for (Certificate certificate : certificates.values()) {
            if (!certificate.partnerId.equals(partnerId) || certificate.status != Status.VALID) {
                continue;
            }
            if ("AUTOMATION".equals(certificate.track)) {
                usage++;
                service += certificate.service() ? 1 : 0;
            } else {
                development++;
            }
        }
        return new Headcount(service, usage, development);
    }

    EventBatch batch() {
        return new EventBatch(events.source(), records);
    }

    List<String> partnerIds() {
        return partnerIds;
    }

    Map<String, String> expectedStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        certificates.forEach((id, certificate) -> statuses.put(id, certificate.status.name()));
        return statuses;
    }

    List<String> paymentEventIds() {
        return paymentEventIds;
    }

    int duplicates() {
        return duplicates;
    }
}
