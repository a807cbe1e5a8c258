package com.tencent.bk.partner.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The business a fault test runs while it breaks something: ENTERPRISE applicants waiting for their fee and
 * ACTIVE COMMUNITY partners at their minimum (prepared through the service's public interfaces), then one
 * stream that pays every fee, revokes a certificate of half the partners (each opens a shortfall: a
 * {@code tier-reevaluation} with a task and an outbound event) and mixes in certification events that change
 * no evaluation result. Knows what every event of the stream must have done once it has been applied.
 */
final class FaultScenario implements AutoCloseable {

    static final List<String> INBOUND = List.of(CloudEvents.CERTIFICATIONS, CloudEvents.PAYMENTS);

    private final FaultStack stack;
    private final Workloads workloads;
    private final Fixtures.Prepared prepared;
    private final EventSender sender;
    private final LagMonitor lag;
    private final Map<String, Integer> sentBySource = new HashMap<>();
    private final List<String> paid = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();

    private FaultScenario(FaultStack stack, Workloads workloads, Fixtures.Prepared prepared, EventSender sender,
                          LagMonitor lag) {
        this.stack = stack;
        this.workloads = workloads;
        this.prepared = prepared;
        this.sender = sender;
        this.lag = lag;
    }

    static FaultScenario prepare(FaultStack stack, ServiceInstance service, String tag, int enterprises,
                                 int communities) {
        EventSender sender = new EventSender(stack.bootstrapServers());
        LagMonitor lag = new LagMonitor(stack.bootstrapServers());
        lag.awaitConsumers(INBOUND, Duration.ofMinutes(2));
        PartnerIds partnerIds = new PartnerIds();
        PhaseRunner runner = new PhaseRunner(sender, stack.database(), lag, Duration.ofMinutes(2), null,
                new CpuAccounting(service.process().pid(), 0), null);
        Fixtures.Prepared prepared = new Fixtures(service.api(), stack.database(), runner, stack.bootstrapServers(),
                partnerIds, tag).prepare(enterprises, communities);
        return new FaultScenario(stack, new Workloads(partnerIds, tag), prepared, sender, lag);
    }

    Fixtures.Prepared prepared() {
        return prepared;
    }

    LagMonitor lag() {
        return lag;
    }

    /**
     * The stream: every fee paid, one certificate revoked for half the partners at their minimum, and
     * {@code unchanging} certification events that cross no threshold, spread evenly between them.
     */
    List<PlannedEvent> stream(String phase, int unchanging) {
        List<Fixtures.AtMinimum> atMinimum = prepared.atMinimum();
        List<Fixtures.AtMinimum> toRevoke = atMinimum.subList(0, atMinimum.size() / 2);
        List<String> untouched = untouched();
        EventBatch payments = workloads.feePayments(phase + "-fees", prepared.waitingForFee());
        EventBatch revocations = workloads.revocations(phase + "-revocations", toRevoke);
        EventBatch registry = workloads.registryOnly(phase + "-registry", unchanging, untouched);
        prepared.waitingForFee().forEach(fee -> paid.add(fee.partnerId()));
        toRevoke.forEach(partner -> revoked.add(partner.partnerId()));
        List<PlannedEvent> interesting = new ArrayList<>(payments.events());
        interesting.addAll(revocations.events());
        List<PlannedEvent> stream = new ArrayList<>(registry.events());
        int step = Math.max(1, stream.size() / (interesting.size() + 1));
        for (int i = 0; i < interesting.size(); i++) {
            stream.add(Math.min(stream.size(), (i + 1) * step + i), interesting.get(i));
        }
        for (EventBatch batch : List.of(payments, revocations, registry)) {
            sentBySource.merge(batch.source(), batch.events().size(), Integer::sum);
        }
        return stream;
    }

    /** The ACTIVE partners at their minimum that a stream sends only registry-only events for. */
    List<String> untouched() {
        List<Fixtures.AtMinimum> atMinimum = prepared.atMinimum();
        return atMinimum.subList(atMinimum.size() / 2, atMinimum.size()).stream()
                .map(Fixtures.AtMinimum::partnerId).toList();
    }

    /** Sends in the background at a constant rate; the producer rides out a broker restart by retrying. */
    CompletableFuture<long[]> send(List<PlannedEvent> stream, double perSecond) {
        return CompletableFuture.supplyAsync(() -> sender.send(stream, perSecond));
    }

    /** Events of the stream the service has applied (inbox rows committed). */
    long applied() {
        return sentBySource.keySet().stream().mapToLong(source -> stack.database().processed(source)).sum();
    }

    /** Inbox rows of every inbound record consumed so far (set-up included): one per acknowledged record. */
    long inboxRows() {
        return stack.database().count("select count(*) from program.processed_event where topic = any(?)", INBOUND);
    }

    long sent() {
        return sentBySource.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Waits until this fraction of the stream has been applied. */
    void awaitApplied(double fraction, Duration timeout) {
        long wanted = (long) Math.ceil(sent() * fraction);
        await("applied " + wanted + " of " + sent(), timeout, () -> applied() >= wanted);
    }

    /** Waits until every event of the stream has been applied and the group has caught up. */
    void awaitAllApplied(Duration timeout) {
        await("all " + sent() + " events applied and acknowledged", timeout,
                () -> applied() >= sent() && lag.lag(INBOUND) == 0);
    }

    List<String> paid() {
        return paid;
    }

    List<String> revoked() {
        return revoked;
    }

    /** Every partner of the scenario. */
    Set<String> partners() {
        Set<String> all = new HashSet<>();
        prepared.waitingForFee().forEach(fee -> all.add(fee.partnerId()));
        prepared.atMinimum().forEach(partner -> all.add(partner.partnerId()));
        return all;
    }

    Map<String, Integer> sentBySource() {
        return sentBySource;
    }

    static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the database or broker is still coming back
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Sleep.millis(250);
        }
    }

    @Override
    public void close() {
        sender.close();
        lag.close();
    }
}
