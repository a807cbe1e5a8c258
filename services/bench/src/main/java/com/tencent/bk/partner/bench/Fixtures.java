package com.tencent.bk.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Brings companies into the states the scenarios start from, only through the service's public interfaces
 * (certificates over Kafka, applications and task work over HTTP). Not measured.
 * <ul>
 *   <li>ENTERPRISE applicants waiting at {@code await-fee}: 3 engineers with AUTOMATION/SERVICE and DEVELOPMENT
 *       certificates (TRIAL, fee 30,000.00 CNY), reviewed by {@code reviewer}, approved by {@code manager};</li>
 *   <li>ACTIVE COMMUNITY partners exactly at their minimum (2 AUTOMATION/SERVICE + 1 DEVELOPMENT engineer):
 *       reviewed, contract signed.</li>
 * </ul>
 */
final class Fixtures {

    record WaitingForFee(String partnerId, String invoiceId, String amount, String currency) {
    }

    /** @param serviceCertificates the two AUTOMATION/SERVICE certificates that make up the minimum */
    record AtMinimum(String partnerId, List<String> serviceCertificates, String developmentCertificate) {
    }

    private static final int HTTP_THREADS = 4;
    private static final int CHUNK = 10;

    private final ServiceApi api;
    private final Database database;
    private final PhaseRunner runner;
    private final String bootstrapServers;
    private final PartnerIds partnerIds;
    private final String runTag;

    Fixtures(ServiceApi api, Database database, PhaseRunner runner, String bootstrapServers, PartnerIds partnerIds,
             String runTag) {
        this.api = api;
        this.database = database;
        this.runner = runner;
        this.bootstrapServers = bootstrapServers;
        this.partnerIds = partnerIds;
        this.runTag = runTag;
    }

    record Prepared(List<WaitingForFee> waitingForFee, List<AtMinimum> atMinimum) {
    }

    Prepared prepare(int enterprises, int communities) {
        long started = System.nanoTime();
        CloudEvents events = new CloudEvents("/bench/" + runTag + "/setup");
        List<String> enterpriseIds = new ArrayList<>();
        List<PlannedEvent> certificates = new ArrayList<>();
        for (int i = 0; i < enterprises; i++) {
            String partnerId = partnerIds.next();
            enterpriseIds.add(partnerId);
            for (int engineer = 0; engineer < 3; engineer++) {
                certificates.add(events.granted(partnerId, "CERT-" + partnerId + "-A" + engineer, "ENG-" + partnerId
                        + "-" + engineer, "AUTOMATION", "SERVICE"));
                certificates.add(events.granted(partnerId, "CERT-" + partnerId + "-D" + engineer, "ENG-" + partnerId
                        + "-" + engineer, "DEVELOPMENT", null));
            }
        }
        List<AtMinimum> atMinimum = new ArrayList<>();
        for (int i = 0; i < communities; i++) {
            String partnerId = partnerIds.next();
            AtMinimum partner = new AtMinimum(partnerId,
                    List.of("CERT-" + partnerId + "-A0", "CERT-" + partnerId + "-A1"), "CERT-" + partnerId + "-D0");
            atMinimum.add(partner);
            certificates.add(events.granted(partnerId, partner.serviceCertificates().get(0), "ENG-" + partnerId + "-0",
                    "AUTOMATION", "SERVICE"));
            certificates.add(events.granted(partnerId, partner.serviceCertificates().get(1), "ENG-" + partnerId + "-1",
                    "AUTOMATION", "SERVICE"));
            certificates.add(events.granted(partnerId, partner.developmentCertificate(), "ENG-" + partnerId + "-2",
                    "DEVELOPMENT", null));
        }
        runner.run(Phase.burst("setup certificates", new EventBatch(events.source(), certificates)));

        List<String> communityIds = atMinimum.stream().map(AtMinimum::partnerId).toList();
        List<String> all = new ArrayList<>(enterpriseIds);
        all.addAll(communityIds);
        java.util.Set<String> enterpriseSet = new java.util.HashSet<>(enterpriseIds);
        AtomicInteger applied = new AtomicInteger();
        parallel("setup applications", all, applied::get, all.size(), partnerId -> {
            String type = enterpriseSet.contains(partnerId) ? "ENTERPRISE" : "COMMUNITY";
            int status = api.apply(partnerId, type);
            if (status != 201) {
                throw new IllegalStateException("application of " + partnerId + " answered " + status);
            }
            applied.incrementAndGet();
        });
        workAll("setup reviews", ServiceApi.REVIEWER, "review-application", all,
                Map.of("approved", true, "comment", "benchmark"));
        workAll("setup approvals", ServiceApi.MANAGER, "approve-application", enterpriseIds,
                Map.of("approved", true, "comment", "benchmark"));
        workAll("setup contracts", ServiceApi.MANAGER, "sign-contract", communityIds,
                Map.of("contractSigned", true, "contractId", ""));

        awaitCount("onboarding instances waiting at await-fee", enterprises, """
                select count(*) from act_ru_execution e join act_ru_execution p on p.id_ = e.proc_inst_id_
                where e.act_id_ = 'await-fee' and p.business_key_ = any(?)""", enterpriseIds);
        awaitCount("ACTIVE partners at their minimum", communities,
                "select count(*) from program.partner where status = 'ACTIVE' and partner_id = any(?)", communityIds);
        long meeting = database.count("select count(*) from program.partner where evaluation_outcome = 'MEETS' "
                + "and partner_id = any(?)", communityIds);
        if (meeting != communities) {
            throw new IllegalStateException("only " + meeting + " of " + communities + " new COMMUNITY partners meet "
                    + "their minimum: their certificates were not all applied");
        }
        Map<String, JsonNode> invoices = OutboundEvents.latest(bootstrapServers, "bk.partner.invoice-requested",
                enterpriseIds, Duration.ofSeconds(120));
        List<WaitingForFee> waiting = enterpriseIds.stream().map(partnerId -> {
            JsonNode data = invoices.get(partnerId).path("data");
            return new WaitingForFee(partnerId, data.path("invoiceId").asText(), data.path("amount").asText(),
                    data.path("currency").asText());
        }).toList();
        Console.step(String.format("setup done: %,d ENTERPRISE applicants waiting for their fee, %,d ACTIVE COMMUNITY "
                + "partners at their minimum (%.0f s)", enterprises, communities, (System.nanoTime() - started) / 1e9));
        return new Prepared(waiting, atMinimum);
    }

    private void workAll(String what, String user, String taskKey, List<String> partners, Map<String, Object> variables) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < partners.size(); i += CHUNK) {
            chunks.add(partners.subList(i, Math.min(partners.size(), i + CHUNK)));
        }
        AtomicInteger done = new AtomicInteger();
        parallel(what, chunks, done::get, partners.size(), chunk -> {
            int worked = 0;
            for (int attempt = 0; worked < chunk.size(); attempt++) {
                if (attempt == 50) {
                    throw new IllegalStateException(what + ": only " + worked + " of " + chunk.size()
                            + " " + taskKey + " tasks appeared");
                }
                if (attempt > 0) {
                    Sleep.millis(200);
                }
                for (String taskId : api.taskIds(user, taskKey, chunk)) {
                    api.work(user, taskId, variables);
                    worked++;
                    done.incrementAndGet();
                }
            }
        });
    }

    private <T> void parallel(String what, List<T> items, IntSupplier progress, int total, Consumer<T> action) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            long lastPrint = System.nanoTime();
            for (Future<?> future : futures) {
                future.get();
                if (System.nanoTime() - lastPrint > 2_000_000_000L) {
                    Console.progress(String.format("%-22s %,d/%,d", what, progress.getAsInt(), total));
                    lastPrint = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Console.progress(String.format("%-22s %,d done in %.1f s (%.0f/s)", what, total, seconds, total / seconds));
    }

    private void awaitCount(String what, long expected, String sql, Object... parameters) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long count;
        while ((count = database.count(sql, parameters)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + count + " of " + expected);
            }
            Sleep.millis(250);
        }
    }
}
