package com.tencent.bk.partner.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The records of each scenario, built before it runs. Seeded, so two runs of one size send the same mix.
 */
final class Workloads {

    /** A certificate granted earlier, for re-grants, revocations, expiries and transfers. */
    private record Granted(String partnerId, String certificateId, String engineerId, String track, String level) {
    }

    private final PartnerIds partnerIds;
    private final String runTag;
    private final Random random = new Random(20_260_124L);
    private int certificates;

    Workloads(PartnerIds partnerIds, String runTag) {
        this.partnerIds = partnerIds;
        this.runTag = runTag;
    }

    CloudEvents events(String phase) {
        return new CloudEvents("/bench/" + runTag + "/" + phase);
    }

    /**
     * B1, certification events that change no evaluation result: 80 % grants to companies that are not
     * partners (yet), 10 % USAGE-level automation grants to ACTIVE partners (their minimum counts SERVICE level
     * only), 10 % re-grants of a certificate granted earlier in the run (same certificate, nothing changes).
     */
    EventBatch registryOnly(String phase, int count, List<String> activePartners) {
        CloudEvents events = events(phase);
        List<String> companies = freshCompanies(Math.max(1, count / 4));
        List<Granted> granted = new ArrayList<>();
        List<PlannedEvent> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            if (r < 0.1 && !granted.isEmpty()) {
                Granted again = granted.get(random.nextInt(granted.size()));
                planned.add(events.granted(again.partnerId(), again.certificateId(), again.engineerId(), again.track(),
                        again.level()));
            } else if (r < 0.2 && !activePartners.isEmpty()) {
                String partnerId = activePartners.get(random.nextInt(activePartners.size()));
                planned.add(grant(events, partnerId, "AUTOMATION", "USAGE", granted));
            } else {
                String partnerId = companies.get(random.nextInt(companies.size()));
                boolean automation = random.nextBoolean();
                planned.add(grant(events, partnerId, automation ? "AUTOMATION" : "DEVELOPMENT",
                        automation ? (random.nextBoolean() ? "SERVICE" : "USAGE") : null, granted));
            }
        }
        return new EventBatch(events.source(), planned);
    }

    /** B2: the fee of each waiting applicant, paid in full. */
    EventBatch feePayments(String phase, List<Fixtures.WaitingForFee> waiting) {
        CloudEvents events = events(phase);
        List<PlannedEvent> planned = waiting.stream()
                .map(fee -> events.paymentReceived(fee.partnerId(), fee.invoiceId(), fee.amount(), fee.currency()))
                .toList();
        return new EventBatch(events.source(), planned);
    }

    /** B3: one SERVICE-level certificate revoked per partner at its minimum: each opens a shortfall. */
    EventBatch revocations(String phase, List<Fixtures.AtMinimum> partners) {
        CloudEvents events = events(phase);
        List<PlannedEvent> planned = partners.stream()
                .map(partner -> events.revoked(partner.partnerId(), partner.serviceCertificates().get(0)))
                .toList();
        return new EventBatch(events.source(), planned);
    }

    /**
     * B4, the certification system re-sends its history after an outage. The mix:
     * <pre>
     *   55 %  grants to companies that are not partners (yet)
     *   12 %  USAGE-level grants to ACTIVE partners (no result changes)
     *    8 %  revocations and 5 % expiries of certificates granted earlier in the backlog (non-partners)
     *    2 %  transfers of such certificates between two non-partner companies
     *   17 %  re-sent history: events the service already processed (same source and id), to be skipped
     *    1 %  crossing a threshold: a SERVICE-level grant that restores a partner in shortfall (engine:
     *         HeadcountChanged, shortfall closed); while such partners last
     * </pre>
     */
    Backlog backlog(String phase, int count, List<PlannedEvent> history, List<String> activePartners,
                    List<String> inShortfall) {
        CloudEvents events = events(phase);
        List<String> companies = freshCompanies(Math.max(2, count / 5));
        List<Granted> granted = new ArrayList<>();
        List<PlannedEvent> planned = new ArrayList<>(count);
        int restored = 0;
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            if (r < 0.01 && restored < inShortfall.size()) {
                planned.add(grant(events, inShortfall.get(restored++), "AUTOMATION", "SERVICE", new ArrayList<>()));
            } else if (r < 0.18 && !history.isEmpty()) {
                planned.add(history.get(random.nextInt(history.size())));
            } else if (r < 0.26 && !granted.isEmpty()) {
                Granted certificate = granted.get(random.nextInt(granted.size()));
                planned.add(events.revoked(certificate.partnerId(), certificate.certificateId()));
            } else if (r < 0.31 && !granted.isEmpty()) {
                Granted certificate = granted.get(random.nextInt(granted.size()));
                planned.add(events.expired(certificate.partnerId(), certificate.certificateId()));
            } else if (r < 0.33 && !granted.isEmpty()) {
                Granted certificate = granted.remove(random.nextInt(granted.size()));
                String to = companies.get(random.nextInt(companies.size()));
                if (to.equals(certificate.partnerId())) {
                    to = companies.get((companies.indexOf(to) + 1) % companies.size());
                }
                planned.add(events.transferred(certificate.partnerId(), to, certificate.certificateId()));
            } else if (r < 0.45 && !activePartners.isEmpty()) {
                planned.add(grant(events, activePartners.get(random.nextInt(activePartners.size())), "AUTOMATION",
                        "USAGE", new ArrayList<>()));
            } else {
                boolean automation = random.nextBoolean();
                planned.add(grant(events, companies.get(random.nextInt(companies.size())),
                        automation ? "AUTOMATION" : "DEVELOPMENT",
                        automation ? (random.nextBoolean() ? "SERVICE" : "USAGE") : null, granted));
            }
        }
        return new Backlog(new EventBatch(events.source(), planned), inShortfall.subList(0, restored));
    }

    /** @param restored the partners in shortfall whose headcount the backlog restores */
    record Backlog(EventBatch batch, List<String> restored) {
    }

    StormModel storm(String phase, int count, List<Fixtures.AtMinimum> partners) {
        return new StormModel(events(phase), count, partners, new Random(random.nextLong()));
    }

    private PlannedEvent grant(CloudEvents events, String partnerId, String track, String level, List<Granted> granted) {
        int n = certificates++;
        Granted certificate = new Granted(partnerId, "CERT-" + runTag + "-" + n, "ENG-" + runTag + "-" + n, track, level);
        granted.add(certificate);
        return events.granted(partnerId, certificate.certificateId(), certificate.engineerId(), track, level);
    }

    private List<String> freshCompanies(int count) {
        List<String> companies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            companies.add(partnerIds.next());
        }
        return companies;
    }
}
