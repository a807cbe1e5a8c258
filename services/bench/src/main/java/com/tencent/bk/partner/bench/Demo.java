package com.tencent.bk.partner.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/demo}: a guided story against a running service (by default {@code scripts/run-local}'s), so a
 * newcomer sees every process and task appear in Tasklist and Cockpit. Four companies are certified (with a
 * few hundred background certification events, sent with progress), apply, are reviewed and approved; one pays
 * its fee over Kafka and is signed; a revocation opens a shortfall; a violation report opens a termination case.
 * The tasks those last two create, and the Trial applicant's unpaid invoice, are left for the newcomer.
 */
public final class Demo {

    record Company(String partnerId, String name, String type, int automationService, int development) {
    }

    /** Where the story leaves a company: the status its API shows and what to look at. */
    record Ending(Company company, String status, String whatToSee) {
    }

    private final ServiceApi api;
    private final String bootstrapServers;
    private final CloudEvents events = new CloudEvents("/bk/demo");
    private final PartnerIds ids = new PartnerIds();

    Demo(ServiceApi api, String bootstrapServers) {
        this.api = api;
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) {
        String url = Infrastructure.env("BK_URL", "http://localhost:8080");
        String kafka = Infrastructure.env("BK_KAFKA_BOOTSTRAP", "localhost:9092");
        try {
            new Demo(new ServiceApi(url), kafka).run(url);
        } catch (RuntimeException e) {
            System.err.println("demo: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The story, step by step; returns its companies (enterprise level 3, community, education, trial). */
    List<Company> run(String url) {
        List<Company> companies = List.of(
                new Company(ids.next(), "蓝天云科技有限公司 Blue Sky Cloud", "ENTERPRISE", 5, 5),
                new Company(ids.next(), "青山开源社区 Green Hill Community", "COMMUNITY", 2, 1),
                new Company(ids.next(), "明德职业学院 Mingde College", "EDUCATION", 1, 1),
                new Company(ids.next(), "远航数据有限公司 Far Sail Data", "ENTERPRISE", 3, 3));
        Company enterprise = companies.get(0);
        Company community = companies.get(1);
        Company education = companies.get(2);
        Company trial = companies.get(3);
        try (EventSender sender = new EventSender(bootstrapServers)) {
            Console.step("1/7 认证 certification system: engineers of four companies certified, plus background traffic");
            List<PlannedEvent> certificates = new ArrayList<>();
            for (Company company : companies) {
                for (int i = 0; i < company.automationService(); i++) {
                    certificates.add(events.granted(company.partnerId(), certificate(company, "A", i), engineer(company, i),
                            "AUTOMATION", "SERVICE"));
                }
                for (int i = 0; i < company.development(); i++) {
                    certificates.add(events.granted(company.partnerId(), certificate(company, "D", i), engineer(company, i),
                            "DEVELOPMENT", null));
                }
            }
            for (int i = 0; i < 300; i++) { // other companies' engineers: the stream a real certification system sends
                String other = ids.next();
                certificates.add(events.granted(other, "CERT-DEMO-" + other + "-" + i, "ENG-" + other, "DEVELOPMENT", null));
            }
            sendWithProgress(sender, certificates);
            awaitConsumed();

            Console.step("2/7 合作伙伴网站 the partner website: four applications (POST /api/applications)");
            for (Company company : companies) {
                int status = api.apply(company.partnerId(), company.type(), company.name());
                Console.progress(company.partnerId() + "  " + company.name() + " (" + company.type() + "): " + status);
            }

            Console.step("3/7 审核 reviewer reviews all four in Tasklist (task 审核申请 review-application)");
            work(ServiceApi.REVIEWER, "review-application", companies, Map.of("approved", true, "comment",
                    "资质齐全 qualifications complete"));
            Console.step("4/7 批准 manager approves the enterprise applications (approve-application, four eyes)");
            work(ServiceApi.MANAGER, "approve-application", List.of(enterprise, trial), Map.of("approved", true,
                    "comment", "同意 agreed"));

            Console.step("5/7 计费 billing: " + enterprise.name() + " pays its service fee (bk.payment.received); "
                    + trial.name() + "'s invoice stays open");
            var invoice = OutboundEvents.latest(bootstrapServers, "bk.partner.invoice-requested",
                    List.of(enterprise.partnerId()), Duration.ofMinutes(1)).get(enterprise.partnerId()).path("data");
            sender.send(List.of(events.paymentReceived(enterprise.partnerId(), invoice.path("invoiceId").asText(),
                    invoice.path("amount").asText(), invoice.path("currency").asText())), 0);
            Console.step("   manager signs the contracts (sign-contract): they become ACTIVE");
            work(ServiceApi.MANAGER, "sign-contract", List.of(enterprise, community, education),
                    Map.of("contractSigned", true, "contractId", ""));

            Console.step("6/7 认证撤销 a certificate of " + community.name() + " is revoked: below its minimum, a "
                    + "shortfall opens (tier-reevaluation, task 跟进人数不足 follow-up-shortfall for managers)");
            sender.send(List.of(events.revoked(community.partnerId(), certificate(community, "A", 0))), 0);
            awaitTask(ServiceApi.MANAGER, "follow-up-shortfall", community);

            Console.step("7/7 合规 compliance reports a violation by " + education.name() + ": a termination case "
                    + "(contract-termination, task 确认终止 confirm-termination for managers)");
            sender.send(List.of(events.violationReported(education.partnerId(), "CASE-DEMO-" + education.partnerId(),
                    "RULE_BREACH", "演示：违反合作规则 demo: breach of the programme rules")), 0);
            awaitTask(ServiceApi.MANAGER, "confirm-termination", education);
        }
        Console.step("done. Follow the four companies:");
        lookAround(url, bootstrapServers, endings(companies)).forEach(Console::line);
        return companies;
    }

    /** What the story leaves behind, in the order of {@link #run}'s companies. */
    static List<Ending> endings(List<Company> companies) {
        return List.of(
                new Ending(companies.get(0), "ACTIVE", "LEVEL_3: fee paid over Kafka, contract signed"),
                new Ending(companies.get(1), "ACTIVE", "below its minimum: a shortfall with a grace period, "
                        + "task 跟进人数不足 follow-up-shortfall"),
                new Ending(companies.get(2), "ACTIVE", "a violation reported: a termination case, "
                        + "task 确认终止 confirm-termination"),
                new Ending(companies.get(3), "AWAITING_PAYMENT", "TRIAL: its fee invoice stays open"));
    }

    /** The closing guide: the partner ids the demo created and where to follow them (API, Tasklist, Kafka). */
    static List<String> lookAround(String url, String bootstrapServers, List<Ending> endings) {
        List<String> lines = new ArrayList<>();
        for (Ending ending : endings) {
            Company company = ending.company();
            lines.add(String.format("  %s  %-10s  %-16s  %s", company.partnerId(), company.type(), ending.status(),
                    company.name()));
            lines.add(" ".repeat(22) + ending.whatToSee());
        }
        lines.add("");
        lines.add("  API       each partner, its tier decisions (as the website):");
        for (Ending ending : endings) {
            lines.add("            curl -u website:website-local " + url + "/api/partners/" + ending.company().partnerId());
        }
        lines.add("            curl -u website:website-local " + url + "/api/partners/"
                + endings.get(1).company().partnerId() + "/evaluations");
        lines.add("  Tasklist  " + url + "/camunda/app/tasklist/  log in as manager / manager-local: the shortfall and "
                + "the termination case wait for you");
        lines.add("  Cockpit   " + url + "/camunda/app/cockpit/  as admin (admin-local under scripts/run-local): every "
                + "running process, business key = partnerId");
        String kafka = "localhost:9092".equals(bootstrapServers) ? "" : "BK_KAFKA_BOOTSTRAP=" + bootstrapServers + " ";
        StringBuilder grep = new StringBuilder();
        endings.forEach(ending -> grep.append(" -e ").append(ending.company().partnerId()));
        lines.add("  Kafka     what the service published about them:");
        lines.add("            " + kafka + "scripts/kafka-read bk.partner.events | grep" + grep);
        lines.add("  Metrics   " + url + "/actuator/prometheus (admin)  ·  at risk: " + url + "/api/partners/at-risk");
        return lines;
    }

    private static String certificate(Company company, String track, int engineer) {
        return "CERT-" + company.partnerId() + "-" + track + engineer;
    }

    private static String engineer(Company company, int engineer) {
        return "ENG-" + company.partnerId() + "-" + engineer;
    }

    private static void sendWithProgress(EventSender sender, List<PlannedEvent> events) {
        int chunk = 50;
        for (int from = 0; from < events.size(); from += chunk) {
            sender.send(events.subList(from, Math.min(events.size(), from + chunk)), 0);
            Console.progress(String.format("sent %,d/%,d certification events", Math.min(events.size(), from + chunk),
                    events.size()));
        }
    }

    /** Until the service's consumer group has caught up with the certification topic. */
    private void awaitConsumed() {
        try (LagMonitor lag = new LagMonitor(bootstrapServers)) {
            await("the certification events to be consumed", () -> lag.lag(List.of(CloudEvents.CERTIFICATIONS)) == 0);
        }
    }

    private void work(String user, String taskKey, List<Company> companies, Map<String, Object> variables) {
        for (Company company : companies) {
            String task = awaitTask(user, taskKey, company);
            api.work(user, task, variables);
            Console.progress(taskKey + " of " + company.name() + " done by " + user);
        }
    }

    private String awaitTask(String user, String taskKey, Company company) {
        String[] found = new String[1];
        await(taskKey + " of " + company.name(), () -> {
            List<String> tasks = api.taskIds(user, taskKey, List.of(company.partnerId()));
            found[0] = tasks.isEmpty() ? null : tasks.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited a minute for " + what);
            }
            Sleep.millis(250);
        }
    }
}
