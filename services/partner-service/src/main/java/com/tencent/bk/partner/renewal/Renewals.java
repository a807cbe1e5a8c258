package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.benefits.Benefits;
import com.tencent.bk.partner.billing.Fee;
import com.tencent.bk.partner.billing.FeePaid;
import com.tencent.bk.partner.billing.FeeSchedule;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.billing.InvoicePurpose;
import com.tencent.bk.partner.billing.Invoices;
import com.tencent.bk.partner.billing.ReturnReason;
import com.tencent.bk.partner.billing.UnusedFees;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.TaskNotReadyException;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Contract;
import com.tencent.bk.partner.registry.ContractProperties;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.renewal.RenewalEvents.LevelChanged;
import com.tencent.bk.partner.renewal.RenewalEvents.PartnerNotRenewed;
import com.tencent.bk.partner.renewal.RenewalEvents.PartnerRenewed;
import com.tencent.bk.partner.tiering.Evaluation;
import com.tencent.bk.partner.tiering.TierReevaluation;
import com.tencent.bk.partner.tiering.TierRules;
import com.tencent.bk.partner.tiering.VerifiedHeadcounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.tencent.bk.partner.termination.PartnershipTerminated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the steps of {@code partner-renewal} do to the registry, billing and the outbox. */
@Component
public class Renewals {

    static final String TRIAL_NOT_CONVERTED =
            "试用期一年内未达到企业版认证人数 Trial partner did not reach the enterprise headcount within its first year";
    static final String NOT_QUALIFIED = "续约前资质复核未通过 Qualifications not met before renewal";
    static final String DECLINED = "续约未获批准或未签署 Renewal not approved or not signed";
    static final String LAPSED = "续约费用未付或合同未签署 Renewal fee not paid or contract not signed by the end";
    static final String NOT_ATTESTED = "合作伙伴尚未确认新合同期的承诺 The partner has not confirmed the attestations "
            + "(acceptsProgramRules, noCompetingProducts) for the new term";

    /** A partner's attestations were recorded for its open renewal. */
    record Attested(long attestationId, String contractId) {
    }

    /** Attestations sent while the partner has no renewal open. */
    static class NoOpenRenewalException extends RuntimeException {
        NoOpenRenewalException(String partnerId) {
            super("合作伙伴 " + partnerId + " 当前没有进行中的续约 No renewal is open for " + partnerId);
        }
    }

    private final PartnerRegistry registry;
    private final VerifiedHeadcounts headcounts;
    private final TierRules rules;
    private final FeeSchedule fees;
    private final Invoices invoices;
    private final Outbox outbox;
    private final Workflows workflows;
    private final TierReevaluation reevaluation;
    private final ProgramClock clock;
    private final ContractProperties contracts;
    private final RenewalProperties properties;
    private final RenewalRecords records;
    private final UnusedFees unusedFees;
    private final Benefits benefits;
    private final ApplicationEventPublisher events;

    Renewals(PartnerRegistry registry, VerifiedHeadcounts headcounts, TierRules rules, FeeSchedule fees, Invoices invoices,
             Outbox outbox, Workflows workflows, TierReevaluation reevaluation, ProgramClock clock,
             ContractProperties contracts, RenewalProperties properties, RenewalRecords records,
             UnusedFees unusedFees, Benefits benefits, ApplicationEventPublisher events) {
        this.registry = registry;
        this.headcounts = headcounts;
        this.rules = rules;
        this.fees = fees;
        this.invoices = invoices;
        this.outbox = outbox;
        this.workflows = workflows;
        this.reevaluation = reevaluation;
        this.clock = clock;
        this.contracts = contracts;
        this.properties = properties;
        this.records = records;
        this.unusedFees = unusedFees;
        this.benefits = benefits;
        this.events = events;
    }

    /** Starts the renewal process of a new contract; it sleeps until the renewal check is due. */
    public void schedule(String partnerId, Contract contract) {
        Partner partner = registry.find(partnerId).orElseThrow();
        Instant endsAt = startOfDay(contract.endsOn().plusDays(1));
        Instant checkAt = startOfDay(contract.endsOn().plusDays(1).minus(properties.leadTime()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerId", partnerId);
        variables.put("companyName", partner.companyName());
        variables.put("partnerType", partner.type().name());
        variables.put("contractId", contract.contractId());
        variables.put(RenewalDelegates.CURRENT_CONTRACT, contract.contractId());
        variables.put("contractEndsOn", contract.endsOn().toString());
        variables.put("renewalCheckAt", (checkAt.isBefore(clock.now()) ? clock.now() : checkAt).toString());
        variables.put("contractEndsAt", endsAt.toString());
        workflows.start(Bpmn.PARTNER_RENEWAL, partnerId, variables);
    }

    /**
     * Qualifications before renewal. BRAND always qualifies; COMMUNITY and EDUCATION need their minimums;
     * ENTERPRISE needs at least LEVEL_3 — a Trial partner that has not got there within its first year is not
     * renewed, and a level partner whose headcount fits only Trial numbers is not either. Always from the
     * registry as it is now (current headcount and level), never from an earlier check; the headcount is the one
     * the tier is held against, which an auditor's verified headcount caps ({@link VerifiedHeadcounts}).
     * <p>
     * The partner's row is locked first, until the transaction ends: the tier re-evaluation that sends
     * {@code PartnerQualified} locks it too, so a headcount change either commits before this reads the headcount,
     * or is evaluated after this transaction committed, with the renewal's subscription to
     * {@code PartnerQualified} already there to receive it.
     */
    RenewalAssessment assess(String partnerId) {
        Partner partner = registry.lock(partnerId).orElseThrow();
        Evaluation evaluation = rules.evaluate(partner, headcounts.of(partnerId), "RENEWAL_CHECK");
        if (partner.type() == PartnerType.BRAND) {
            return new RenewalAssessment(true, null, "品牌合作伙伴无人数要求 No headcount minimum", evaluation);
        }
        if (partner.type() != PartnerType.ENTERPRISE) {
            boolean met = evaluation.required().metBy(evaluation.headcount());
            return new RenewalAssessment(met, null, met ? "资质符合 Qualifications met" : NOT_QUALIFIED, evaluation);
        }
        PartnerLevel qualifying = evaluation.qualifyingLevel();
        boolean renewable = qualifying != null && qualifying.compareTo(PartnerLevel.LEVEL_3) >= 0;
        String explanation = renewable ? "符合 " + qualifying + " 要求 Qualifies for " + qualifying
                : partner.level() == PartnerLevel.TRIAL ? TRIAL_NOT_CONVERTED : NOT_QUALIFIED;
        return new RenewalAssessment(renewable, renewable ? qualifying : null, explanation, evaluation);
    }

    /** Opens the renewal record of the partner's current contract at its check (idempotent). */
    void open(String processInstanceId, String partnerId) {
        Contract contract = registry.currentContract(partnerId).orElseThrow(
                () -> new IllegalStateException("Partner " + partnerId + " has no current contract to renew"));
        records.open(processInstanceId, partnerId, contract.contractId(), contract.endsOn());
    }

    /**
     * The non-renewal is announced. A renewal fee already paid for it is recorded as to be returned:
     * {@code notSignedBy} names the manager who decided not to sign (with their comment), null when the renewal
     * simply did not happen.
     */
    void announceNonRenewal(String processInstanceId, String partnerId, String contractId, LocalDate endsOn,
                            String reason, String notSignedBy, String comment) {
        outbox.publish(new PartnerNotRenewed(partnerId, contractId, endsOn, reason));
        records.close(processInstanceId, "NOT_RENEWED");
        returnUnusedFee(processInstanceId, notSignedBy == null ? ReturnReason.RENEWAL_LAPSED
                : ReturnReason.RENEWAL_NOT_SIGNED, notSignedBy, comment == null ? reason : comment);
    }

    private void returnUnusedFee(String processInstanceId, ReturnReason reason, String decidedBy, String comment) {
        records.of(processInstanceId).map(RenewalRecords.Renewal::invoiceId).ifPresent(invoiceId ->
                unusedFees.recordToBeReturned(processInstanceId, invoiceId, reason, decidedBy, comment));
    }

    /** The contract ran out unrenewed; lapsed renewals are announced now if they were not before. */
    void expire(String partnerId, String renewalProcessInstanceId, String contractId, LocalDate endsOn,
                boolean announced) {
        if (!announced) {
            announceNonRenewal(renewalProcessInstanceId, partnerId, contractId, endsOn, LAPSED, null, null);
        }
        registry.expire(partnerId, endsOn);
        invoices.cancelOpenOf(partnerId);
        // no shortfall case or timer of an expired partnership should fire later; an open termination case is
        // still decided (a breach stays a breach), and finance keeps its payment cases
        workflows.endOtherProcesses(partnerId, renewalProcessInstanceId, "partnership expired",
                Bpmn.CONTRACT_TERMINATION);
        benefits.announce(partnerId, Benefits.Reason.EXPIRED, "合同到期未续约 Contract " + contractId
                + " ended on " + endsOn + " without renewal");
        events.publishEvent(new PartnershipExpired(partnerId, endsOn));
    }

    Optional<Fee> feeFor(String partnerId, PartnerLevel level) {
        return fees.feeFor(registry.find(partnerId).orElseThrow().type(), level);
    }

    /** The renewal's invoice, due by the partnership's last day at the latest; kept on the renewal's row. */
    Invoice requestFee(String processInstanceId, String partnerId, Fee fee, LocalDate lastDay) {
        Invoice invoice = invoices.request(partnerId, null, InvoicePurpose.RENEWAL, fee, lastDay);
        records.recordInvoice(processInstanceId, invoice.invoiceId());
        return invoice;
    }

    boolean feeAlreadyPaid(String processInstanceId) {
        return invoiceOf(processInstanceId).flatMap(invoices::lock)
                .map(invoice -> invoice.status() == Invoice.Status.PAID).orElse(false);
    }

    /** {@code bk.partner.invoice-reminder} for the renewal's invoice, if it is still unpaid. */
    void remindOfFee(String processInstanceId) {
        invoiceOf(processInstanceId).flatMap(invoices::find)
                .filter(invoice -> invoice.status() == Invoice.Status.OPEN).ifPresent(invoices::remind);
    }

    private Optional<String> invoiceOf(String processInstanceId) {
        return records.of(processInstanceId).map(RenewalRecords.Renewal::invoiceId);
    }

    /**
     * The website confirms the attestations for the new term of the partner's open renewal; the renewal stays
     * locked until they are recorded, so a renewal closing meanwhile waits and never has them afterwards.
     */
    @Transactional
    Attested attest(String partnerId, boolean acceptsProgramRules, boolean noCompetingProducts, String submittedBy) {
        RenewalRecords.Renewal renewal = records.lockOpenOf(partnerId)
                .orElseThrow(() -> new NoOpenRenewalException(partnerId));
        long id = records.attest(renewal, acceptsProgramRules, noCompetingProducts, submittedBy);
        return new Attested(id, renewal.contractId());
    }

    /** A renewal is signed only once attested for its term and for a partner that qualifies now. */
    void requireSignable(String processInstanceId, String partnerId) {
        if (!records.attested(processInstanceId)) {
            throw new TaskNotReadyException("续约不能签署 Renewal cannot be signed: " + NOT_ATTESTED);
        }
        RenewalAssessment now = assess(partnerId);
        if (!now.renewable()) {
            throw new TaskNotReadyException("续约不能签署：合作伙伴目前不符合资质 Renewal cannot be signed: the partner "
                    + "does not qualify now (" + now.explanation() + "); sign once it qualifies again, before the "
                    + "contract ends");
        }
    }

    /** A terminated partnership renews nothing: its open renewal closes (attestations for it answer 409). */
    @EventListener
    void onTerminated(PartnershipTerminated terminated) {
        records.closeOpenOf(terminated.partnerId(), "NOT_RENEWED");
    }

    @EventListener
    void onFeePaid(FeePaid fee) {
        if (fee.purpose() == InvoicePurpose.RENEWAL) {
            workflows.correlateFeePaid(fee.partnerId(), fee.invoiceId());
        }
    }

    /**
     * A new term from the day after the old one ends, at the level the partner qualifies for now (its current
     * level for types without levels); a level different from the current one is announced. Its own renewal is
     * scheduled.
     */
    Contract renew(String processInstanceId, String partnerId, String signedContractId) {
        RenewalRecords.Renewal renewal = records.of(processInstanceId).orElseThrow(
                () -> new IllegalStateException("Renewal " + processInstanceId + " was never opened"));
        RenewalAssessment now = assess(partnerId);
        if (!now.renewable()) {
            throw new IllegalStateException("Partner " + partnerId + " does not qualify for renewal: "
                    + now.explanation());
        }
        PartnerLevel current = registry.find(partnerId).orElseThrow().level();
        PartnerLevel level = now.level() != null ? now.level() : current;
        LocalDate startsOn = renewal.contractEndsOn().plusDays(1);
        String contractId = Optional.ofNullable(signedContractId).filter(id -> !id.isBlank())
                .orElseGet(() -> "BKP-" + startsOn.getYear() + "-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        if (registry.contractExists(contractId)) {
            throw new IllegalArgumentException("contractId " + contractId + " is already in use");
        }
        Contract next = new Contract(contractId, partnerId, startsOn, startsOn.plus(contracts.term()).minusDays(1));
        registry.renew(partnerId, level, next);
        records.close(processInstanceId, "RENEWED");
        if (level != current) {
            outbox.publish(new LevelChanged(partnerId, current, level,
                    "续约时按当前资质定级 Renewed at the level the partner qualifies for at signing"));
        }
        outbox.publish(new PartnerRenewed(partnerId, next.contractId(), next.endsOn(),
                "续约 Renewed" + (level == null ? "" : " at " + level)));
        benefits.announce(partnerId, level != current ? Benefits.Reason.LEVEL_CHANGED : Benefits.Reason.RENEWED,
                "续约 Renewed: contract " + next.contractId() + " until " + next.endsOn()
                        + (level != current ? ", level " + current + " -> " + level : ""));
        reevaluation.reevaluate(List.of(partnerId), "RENEWAL");
        schedule(partnerId, next);
        return next;
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atTime(LocalTime.MIDNIGHT).atZone(ProgramClock.PROGRAM_ZONE).toInstant();
    }
}
