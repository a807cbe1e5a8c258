package com.tencent.bk.partner.onboarding;

import com.tencent.bk.partner.benefits.Benefits;
import com.tencent.bk.partner.billing.FeePaid;
import com.tencent.bk.partner.billing.FeeSchedule;
import com.tencent.bk.partner.billing.FeesOfEndedApplications;
import com.tencent.bk.partner.billing.Invoice;
import com.tencent.bk.partner.billing.InvoicePurpose;
import com.tencent.bk.partner.billing.Invoices;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.onboarding.ApplicationRecords.Status;
import com.tencent.bk.partner.onboarding.OnboardingEvents.PartnerActivated;
import com.tencent.bk.partner.onboarding.OnboardingEvents.PartnerApproved;
import com.tencent.bk.partner.onboarding.OnboardingEvents.PartnerRejected;
import com.tencent.bk.partner.process.Bpmn;
import com.tencent.bk.partner.process.DecisionRefusedException;
import com.tencent.bk.partner.process.Variables;
import com.tencent.bk.partner.process.Workflows;
import com.tencent.bk.partner.registry.Contract;
import com.tencent.bk.partner.registry.ContractProperties;
import com.tencent.bk.partner.renewal.Renewals;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.termination.PartnershipTerminated;
import com.tencent.bk.partner.tiering.Qualification;
import com.tencent.bk.partner.tiering.TierReevaluation;
import com.tencent.bk.partner.tiering.TierRules;
import com.tencent.bk.partner.tiering.VerifiedHeadcounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the steps of {@code partner-onboarding} do to the registry, billing and the outbox. Runs inside the
 * engine's transaction (delegates) or the payment's (the {@link FeePaid} listener).
 */
@Component
class Onboarding {

    static final String NOT_SIGNED = "合同未签署 Contract not signed";
    static final String FEE_NOT_PAID = "服务费逾期未付 Service fee not paid by its due date";

    private final PartnerRegistry registry;
    private final ApplicationRecords applications;
    private final VerifiedHeadcounts headcounts;
    private final TierRules tierRules;
    private final FeeSchedule fees;
    private final Invoices invoices;
    private final Outbox outbox;
    private final Workflows workflows;
    private final ProgramClock clock;
    private final Benefits benefits;
    private final TierReevaluation reevaluation;
    private final ContractProperties contractTerm;
    private final Renewals renewals;
    private final FeesOfEndedApplications feesToReturn;

    Onboarding(PartnerRegistry registry, ApplicationRecords applications, VerifiedHeadcounts headcounts,
               TierRules tierRules, FeeSchedule fees, Invoices invoices, Outbox outbox, Workflows workflows,
               ProgramClock clock, Benefits benefits, TierReevaluation reevaluation, ContractProperties contractTerm,
               Renewals renewals, FeesOfEndedApplications feesToReturn) {
        this.registry = registry;
        this.applications = applications;
        this.headcounts = headcounts;
        this.tierRules = tierRules;
        this.fees = fees;
        this.invoices = invoices;
        this.outbox = outbox;
        this.workflows = workflows;
        this.clock = clock;
        this.benefits = benefits;
        this.reevaluation = reevaluation;
        this.contractTerm = contractTerm;
        this.renewals = renewals;
        this.feesToReturn = feesToReturn;
    }

    /**
     * The company's current certified headcount (as its tier is held: capped by an auditor's verified headcount,
     * which a company keeps when it applies again) against its requested type; the application goes to review.
     */
    Qualification checkQualification(String partnerId, PartnerType type) {
        Qualification qualification = tierRules.qualify(type, headcounts.of(partnerId));
        registry.changeStatus(partnerId, PartnerStatus.UNDER_REVIEW);
        return qualification;
    }

    /** @return whether the approved partner owes a service fee before signing */
    boolean approve(String partnerId, UUID applicationId, PartnerType type, PartnerLevel level, String reason) {
        outbox.publish(new PartnerApproved(partnerId, applicationId, reason));
        boolean feeRequired = fees.feeFor(type, level).isPresent();
        registry.changeStatus(partnerId, feeRequired ? PartnerStatus.AWAITING_PAYMENT : PartnerStatus.AWAITING_SIGNATURE);
        return feeRequired;
    }

    Invoice requestFee(String partnerId, UUID applicationId, PartnerType type, PartnerLevel level) {
        return invoices.request(partnerId, applicationId, InvoicePurpose.ONBOARDING,
                fees.feeFor(type, level).orElseThrow(() -> new IllegalStateException(
                        "No service fee configured for " + type + "/" + level)));
    }

    /** Covers a payment that arrived before the process waited for it; locks the invoice against a racing one. */
    boolean feeAlreadyPaid(String partnerId, String invoiceId) {
        boolean paid = invoices.lock(invoiceId).map(invoice -> invoice.status() == Invoice.Status.PAID).orElse(false);
        if (paid) {
            registry.changeStatus(partnerId, PartnerStatus.AWAITING_SIGNATURE);
        }
        return paid;
    }

    /** The fee of an applicant that still waits for it; one whose application ended meanwhile stays as it is. */
    @EventListener
    void onFeePaid(FeePaid fee) {
        if (fee.purpose() == InvoicePurpose.ONBOARDING && registry.changeStatus(fee.partnerId(),
                PartnerStatus.AWAITING_PAYMENT, PartnerStatus.AWAITING_SIGNATURE)) {
            workflows.correlateFeePaid(fee.partnerId(), fee.invoiceId());
        }
    }

    /**
     * A company terminated while still in onboarding: its application ends with the partnership, and a fee it
     * already paid is recorded as to be returned (it never joined: the no-refund rule is for partners).
     */
    @EventListener
    void onTerminated(PartnershipTerminated terminated) {
        applications.openApplicationOf(terminated.partnerId()).ifPresent(applicationId -> {
            applications.close(applicationId, Status.CANCELLED, terminated.reason());
            returnPaidFee(applicationId, terminated.reason());
        });
    }

    void remindOfFee(String invoiceId) {
        invoices.find(invoiceId).filter(invoice -> invoice.status() == Invoice.Status.OPEN).ifPresent(invoices::remind);
    }

    void cancelUnpaid(String partnerId, UUID applicationId, String invoiceId) {
        invoices.cancel(invoiceId);
        close(partnerId, applicationId, Status.CANCELLED, FEE_NOT_PAID);
    }

    void reject(String partnerId, UUID applicationId, String reason) {
        close(partnerId, applicationId, Status.REJECTED, reason);
    }

    private void close(String partnerId, UUID applicationId, Status outcome, String reason) {
        applications.close(applicationId, outcome, reason);
        registry.changeStatus(partnerId, PartnerStatus.REJECTED);
        outbox.publish(new PartnerRejected(partnerId, applicationId, reason));
        returnPaidFee(applicationId, reason);
    }

    /** An application ended without a partnership: a fee it paid has an owner again, finance, to return it. */
    private void returnPaidFee(UUID applicationId, String reason) {
        feesToReturn.applicationEnded(applicationId,
                applications.processInstanceOf(applicationId).orElse("application-" + applicationId), reason);
    }

    /**
     * The company's headcount now, as its tier is held (see {@link VerifiedHeadcounts}), against the minimums of
     * its type; for ENTERPRISE the highest level it meets.
     */
    Qualification qualificationAtSigning(String partnerId, PartnerType type) {
        return tierRules.qualify(type, headcounts.of(partnerId));
    }

    /**
     * The minimums hold at first signing: a company that does not meet those of its type (ENTERPRISE: of TRIAL)
     * cannot sign; the refusal names the shortfall.
     *
     * @return the qualification, whose level (ENTERPRISE) is the one the current headcount earns
     * @throws DecisionRefusedException naming {@code contractSigned} when the company falls short
     */
    Qualification requireQualifiedAtSigning(String partnerId, PartnerType type) {
        Qualification now = qualificationAtSigning(partnerId, type);
        if (!now.qualified()) {
            throw new DecisionRefusedException("Task " + Bpmn.SIGN_CONTRACT + " refused: " + Variables.CONTRACT_SIGNED
                    + ": 首次签约时须满足最低认证人数 the minimums must hold at first signing; " + now.summary(),
                    List.of(Variables.CONTRACT_SIGNED));
        }
        return now;
    }

    /**
     * The contract is signed: the partner becomes ACTIVE for one contract term, at the level its headcount earns
     * now (not the one proposed at review, if the headcount changed since).
     */
    Contract activate(String partnerId, UUID applicationId, PartnerType type, String signedContractId) {
        PartnerLevel level = requireQualifiedAtSigning(partnerId, type).level();
        LocalDate startsOn = clock.today();
        Contract contract = new Contract(contractId(signedContractId, startsOn), partnerId, startsOn,
                startsOn.plus(contractTerm.term()).minusDays(1));
        registry.activate(partnerId, level, contract, applicationId);
        applications.close(applicationId, Status.ACTIVATED, null);
        outbox.publish(new PartnerActivated(partnerId, type, level, contract.contractId(), contract.startsOn(),
                contract.endsOn(), benefits.of(type)));
        // the first tier decision of the partnership; a shortfall or upgrade since review starts re-evaluation
        reevaluation.reevaluate(List.of(partnerId), "ACTIVATION");
        renewals.schedule(partnerId, contract);
        return contract;
    }

    /** The id the manager entered when signing, or a generated one when left blank. */
    private String contractId(String signedContractId, LocalDate startsOn) {
        if (signedContractId != null && registry.contractExists(signedContractId)) {
            throw new IllegalArgumentException("contractId " + signedContractId + " is already in use");
        }
        return Optional.ofNullable(signedContractId)
                .orElseGet(() -> "BKP-" + startsOn.getYear() + "-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }
}
