package com.tencent.bk.partner.simulation;

import com.tencent.bk.partner.bench.PlannedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A program day's events, drawn from the run's one Random: certificates granted (with expiry dates), renewed
 * before they expire, revoked, transferred between companies (naming the current holder), expired with and
 * without an {@code expired} event; payments of the invoices the service requested — early, on time, late,
 * short, twice, failed first, never, some refunded later; rarely a compliance violation; and companies whose
 * partnership ended applying again.
 */
final class EventGenerator {

    /** Where the day's events go, in order. */
    interface Sink {
        void grant(Population.Certificate certificate);
    }

    private enum PaymentPlan { EARLY, ON_TIME, LATE, SHORT, DUPLICATE, FAILED_FIRST, NEVER }

    private record Scheduled(LocalDate day, String what, java.util.function.Supplier<PlannedEvent> event) {
    }

    private final Random random;
    private final Population population;
    private final InboundEvents events;
    private final Map<String, PaymentPlan> plans = new HashMap<>();
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    EventGenerator(Random random, Population population, InboundEvents events) {
        this.random = random;
        this.population = population;
        this.events = events;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    List<PlannedEvent> grants(List<Population.Certificate> certificates, LocalDate today) {
        List<PlannedEvent> out = new ArrayList<>();
        for (Population.Certificate certificate : certificates) {
            out.add(count("granted", events.granted(certificate, today.minusDays(random.nextInt(200)))));
        }
        return out;
    }

    /**
     * @param statuses   the partners' status today, by partnerId (what a company's website would show)
     * @param invoices   the invoices the service requested, ordered by partner and creation
     */
    List<PlannedEvent> day(LocalDate today, Map<String, String> statuses, List<Invoice> invoices) {
        List<PlannedEvent> out = new ArrayList<>();
        certificates(today, out);
        payments(today, invoices, out);
        for (Population.Company company : population.companies()) {
            String status = statuses.get(company.id());
            if ("ACTIVE".equals(status) && random.nextDouble() < 0.0004) {
                String[] categories = {"COMPETING_PRODUCT", "CERTIFICATION_FRAUD", "RULE_BREACH"};
                out.add(count("violation", events.violationReported(company.id(),
                        categories[random.nextInt(categories.length)])));
            }
        }
        for (Scheduled due : List.copyOf(scheduled)) {
            if (!due.day().isAfter(today)) {
                out.add(count(due.what(), due.event().get()));
                scheduled.remove(due);
            }
        }
        return out;
    }

    /** Companies whose partnership ended and that apply again today. */
    List<Population.Company> reapplying(Map<String, String> statuses) {
        List<Population.Company> again = new ArrayList<>();
        for (Population.Company company : population.companies()) {
            String status = statuses.get(company.id());
            if (status != null && List.of("REJECTED", "EXPIRED", "TERMINATED").contains(status)
                    && random.nextDouble() < 0.01) {
                again.add(company);
            }
        }
        return again;
    }

    record Invoice(String invoiceId, String partnerId, String purpose, BigDecimal amount, String currency,
                   LocalDate dueOn, String status, LocalDate createdOn) {
    }

    private void certificates(LocalDate today, List<PlannedEvent> out) {
        List<Population.Company> companies = population.companies();
        for (Population.Company company : companies) {
            if (random.nextDouble() < 0.004) {
                String track = random.nextBoolean() ? "AUTOMATION" : "DEVELOPMENT";
                String level = track.equals("DEVELOPMENT") ? null : random.nextInt(4) == 0 ? "USAGE" : "SERVICE";
                Population.Certificate granted = population.grant(company.id(),
                        population.nextEngineer(company.id()), track, level, random, today);
                out.add(count("granted", events.granted(granted, today)));
            }
        }
        for (Population.Certificate certificate : List.copyOf(population.certificates())) {
            if (certificate.revoked) {
                continue;
            }
            if (certificate.expiresOn != null && certificate.expiresOn.isBefore(today)) {
                if (!certificate.expiredSent) {
                    certificate.expiredSent = true;
                    if (random.nextInt(10) < 6) {
                        out.add(count("expired", events.expired(certificate)));
                    } else {
                        counts.merge("expired silently", 1, Integer::sum);
                    }
                }
                continue;
            }
            if (certificate.expiresOn != null && !certificate.expiresOn.isAfter(today.plusDays(30))
                    && random.nextDouble() < 0.04 && !certificate.renewed) {
                certificate.renewed = true;
                Population.Certificate renewed = population.grant(certificate.holder, certificate.engineerId,
                        certificate.track, certificate.level, random, today);
                out.add(count("renewed", events.granted(renewed, today)));
                continue;
            }
            double draw = random.nextDouble();
            if (draw < 0.0004) {
                out.add(count("revoked", events.revoked(certificate)));
                certificate.revoked = true;
            } else if (draw < 0.0008 && companies.size() > 1) {
                Population.Company to = companies.get(random.nextInt(companies.size()));
                if (!to.id().equals(certificate.holder)) {
                    out.add(count("transferred", events.transferred(certificate, to.id())));
                    certificate.holder = to.id();
                }
            }
        }
    }

    private void payments(LocalDate today, List<Invoice> invoices, List<PlannedEvent> out) {
        for (Invoice invoice : invoices) {
            if (!"OPEN".equals(invoice.status()) || plans.containsKey(invoice.invoiceId())) {
                continue;
            }
            PaymentPlan plan = draw();
            plans.put(invoice.invoiceId(), plan);
            counts.merge("payment plan " + plan, 1, Integer::sum);
            LocalDate due = invoice.dueOn();
            switch (plan) {
                case EARLY -> pay(invoice, today.plusDays(1 + random.nextInt(3)), invoice.amount());
                case ON_TIME -> pay(invoice, latest(today, due.minusDays(random.nextInt(4))), invoice.amount());
                case LATE -> pay(invoice, due.plusDays(1 + random.nextInt(10)), invoice.amount());
                case SHORT -> pay(invoice, latest(today, due.minusDays(5)), invoice.amount()
                        .multiply(BigDecimal.valueOf(90 + random.nextInt(10))).divide(BigDecimal.valueOf(100), 2,
                                RoundingMode.HALF_UP));
                case DUPLICATE -> {
                    LocalDate first = today.plusDays(1 + random.nextInt(5));
                    pay(invoice, first, invoice.amount());
                    pay(invoice, first.plusDays(1 + random.nextInt(3)), invoice.amount());
                }
                case FAILED_FIRST -> {
                    LocalDate first = today.plusDays(1 + random.nextInt(5));
                    scheduled.add(new Scheduled(first, "payment failed",
                            () -> events.paymentFailed(invoice.partnerId(), invoice.invoiceId())));
                    pay(invoice, latest(first.plusDays(1), due.minusDays(1)), invoice.amount());
                }
                case NEVER -> {
                    // the deadline passes
                }
            }
        }
    }

    private void pay(Invoice invoice, LocalDate on, BigDecimal amount) {
        scheduled.add(new Scheduled(on, "payment", () -> events.paymentReceived(invoice.partnerId(),
                invoice.invoiceId(), amount, invoice.currency())));
        if (random.nextInt(40) == 0) {
            scheduled.add(new Scheduled(on.plusDays(5 + random.nextInt(60)), "refund",
                    () -> events.paymentRefunded(invoice.partnerId(), invoice.invoiceId(), amount)));
        }
    }

    private PaymentPlan draw() {
        int n = random.nextInt(100);
        if (n < 25) {
            return PaymentPlan.EARLY;
        } else if (n < 60) {
            return PaymentPlan.ON_TIME;
        } else if (n < 70) {
            return PaymentPlan.LATE;
        } else if (n < 78) {
            return PaymentPlan.SHORT;
        } else if (n < 85) {
            return PaymentPlan.DUPLICATE;
        } else if (n < 90) {
            return PaymentPlan.FAILED_FIRST;
        }
        return PaymentPlan.NEVER;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private PlannedEvent count(String what, PlannedEvent event) {
        counts.merge(what, 1, Integer::sum);
        return event;
    }
}
