package com.tencent.bk.partner.renewal;

import com.tencent.bk.partner.billing.Fee;
import com.tencent.bk.partner.billing.FeePaid;
import com.tencent.bk.partner.billing.FeeSchedule;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.billing.InvoicePurpose;
import com.tencent.bk.partner.billing.Invoices;
import com.tencent.bk.partner.certification.Headcounts;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Contract;
import com.tencent.bk.partner.registry.ContractProperties;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.renewal.RenewalEvents.PartnerNotRenewed;
import com.tencent.bk.partner.renewal.RenewalEvents.PartnerRenewed;
import com.tencent.bk.partner.tiering.Evaluation;
import com.tencent.bk.partner.tiering.TierReevaluation;
import com.tencent.bk.partner.tiering.TierRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the steps of {@code partner-renewal} do to the registry, billing and the outbox. */
@Component
public class Renewals {

    static final String TRIAL_NOT_CONVERTED =
            "试用期一年内未达到企业版认证人数 Trial partner did not reach the enterprise headcount within its first year";
    static final String NOT_QUALIFIED = "续约前资质复核未通过 Qualifications not met before renewal";
    static final String DECLINED = "续约未获批准或未签署 Renewal not approved or not signed";
    static final String LAPSED = "续约费用未付或合同未签署 Renewal fee not paid or contract not signed by the end";

    private final PartnerRegistry registry;
    private final Headcounts headcounts;
    private final TierRules rules;
    private final FeeSchedule fees;
    private final Invoices invoices;
    private final Outbox outbox;
    private final Workflows workflows;
    private final TierReevaluation reevaluation;
    private final ProgramClock clock;
    private final ContractProperties contracts;
    private final RenewalProperties properties;

    Renewals(PartnerRegistry registry, Headcounts headcounts, TierRules rules, FeeSchedule fees, Invoices invoices,
             Outbox outbox, Workflows workflows, TierReevaluation reevaluation, ProgramClock clock,
             ContractProperties contracts, RenewalProperties properties) {
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
     * renewed, and a level partner whose headcount fits only Trial numbers is not either.
     */
    RenewalAssessment assess(String partnerId) {
        Partner partner = registry.find(partnerId).orElseThrow();
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

    void announceNonRenewal(String partnerId, String contractId, LocalDate endsOn, String reason) {
        outbox.publish(new PartnerNotRenewed(partnerId, contractId, endsOn, reason));
    }

    /** The contract ran out unrenewed; lapsed renewals are announced now if they were not before. */
    void expire(String partnerId, String renewalProcessInstanceId, String contractId, LocalDate endsOn,
                boolean announced) {
        if (!announced) {
            announceNonRenewal(partnerId, contractId, endsOn, LAPSED);
        }
        registry.expire(partnerId, endsOn);
        invoices.cancelOpenOf(partnerId);
        // no shortfall case or timer of an expired partnership should fire later; an open termination case is
        // still decided (a breach stays a breach), and finance keeps its payment cases
        workflows.endOtherProcesses(partnerId, renewalProcessInstanceId, "partnership expired",
                Bpmn.CONTRACT_TERMINATION);
    }

    Optional<Fee> feeFor(String partnerId, PartnerLevel level) {
        return fees.feeFor(registry.find(partnerId).orElseThrow().type(), level);
    }

    Invoice requestFee(String partnerId, Fee fee) {
        return invoices.request(partnerId, null, InvoicePurpose.RENEWAL, fee);
    }

    boolean feeAlreadyPaid(String invoiceId) {
        return invoices.lock(invoiceId).map(invoice -> invoice.status() == Invoice.Status.PAID).orElse(false);
    }

    @EventListener
    void onFeePaid(FeePaid fee) {
        if (fee.purpose() == InvoicePurpose.RENEWAL) {
            workflows.correlateFeePaid(fee.partnerId(), fee.invoiceId());
        }
    }

    /** A new term from the day after the old one ends, at the assessed level; its own renewal is scheduled. */
    Contract renew(String partnerId, PartnerLevel level, LocalDate oldEndsOn, String signedContractId) {
        LocalDate startsOn = oldEndsOn.plusDays(1);
        String contractId = Optional.ofNullable(signedContractId).filter(id -> !id.isBlank())
                .orElseGet(() -> "BKP-" + startsOn.getYear() + "-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        if (registry.contractExists(contractId)) {
            throw new IllegalArgumentException("contractId " + contractId + " is already in use");
        }
        Contract next = new Contract(contractId, partnerId, startsOn, startsOn.plus(contracts.term()).minusDays(1));
        registry.renew(partnerId, level != null ? level : registry.find(partnerId).orElseThrow().level(), next);
        outbox.publish(new PartnerRenewed(partnerId, next.contractId(), next.endsOn(),
                "续约 Renewed" + (level == null ? "" : " at " + level)));
        reevaluation.reevaluate(List.of(partnerId), "RENEWAL");
        schedule(partnerId, next);
        return next;
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atTime(LocalTime.MIDNIGHT).atZone(ProgramClock.PROGRAM_ZONE).toInstant();
    }
}
