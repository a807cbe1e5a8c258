package com.tencent.bk.partner.certification;

import com.tencent.bk.partner.certification.CertificationEvent.CertificationGranted;
import com.tencent.bk.partner.certification.CertificationEvent.CertificationTransferred;
import com.tencent.bk.partner.events.InvalidEventException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may change a certificate: an event about company X never changes a certificate company A holds. Checked
 * against the stored holders and then against the events before it in the same batch, in order:
 * <ul>
 *   <li>a certificate not seen yet: any event creates it for the company it names;</li>
 *   <li>a transfer: {@code fromPartnerId} must hold it now;</li>
 *   <li>a grant: its company must hold it, or, while the grant has not arrived yet (a transfer overtook it),
 *       have held it until a recorded transfer; a re-grant by anyone but the holder is refused;</li>
 *   <li>a revocation or expiry: its company must hold it or have held it until a recorded transfer.</li>
 * </ul>
 */
final class CertificateOwnership {

    /** A stored certificate: its holder, whether its grant arrived, and whom recorded transfers moved it from. */
    static final class Holding {
        private String holder;
        private boolean granted;
        private final Set<String> formerHolders;

        Holding(String holder, boolean granted, Set<String> formerHolders) {
            this.holder = holder;
            this.granted = granted;
            this.formerHolders = new HashSet<>(formerHolders);
        }
    }

    private final Map<String, Holding> holdings;

    /** @param holdings the stored certificates the batch names, by id; changed as events are checked */
    CertificateOwnership(Map<String, Holding> holdings) {
        this.holdings = holdings;
    }

    /** @throws InvalidEventException naming the certificate and both companies, when the event may not apply */
    void check(CertificationEvent event) {
        Holding holding = holdings.get(event.certificateId());
        String named = event instanceof CertificationTransferred transferred ? transferred.fromPartnerId()
                : event.recordKey();
        if (holding == null) {
            holdings.put(event.certificateId(), event instanceof CertificationTransferred transferred
                    ? new Holding(transferred.toPartnerId(), false, Set.of(named))
                    : new Holding(named, event instanceof CertificationGranted, Set.of()));
            return;
        }
        boolean mayChange = named.equals(holding.holder) || (!(event instanceof CertificationTransferred)
                && holding.formerHolders.contains(named)
                && !(event instanceof CertificationGranted && holding.granted));
        if (!mayChange) {
            throw new InvalidEventException(refusal(event, holding.holder, named));
        }
        if (event instanceof CertificationTransferred transferred) {
            holding.formerHolders.add(named);
            holding.holder = transferred.toPartnerId();
        } else if (event instanceof CertificationGranted) {
            holding.granted = true;
        }
    }

    private static String refusal(CertificationEvent event, String holder, String named) {
        String what = event instanceof CertificationTransferred transferred ? "transfer to " + transferred.toPartnerId()
                : event instanceof CertificationGranted ? "grant"
                : event instanceof CertificationEvent.CertificationRevoked ? "revocation" : "expiry";
        String role = event instanceof CertificationTransferred ? "fromPartnerId" : "partnerId";
        return "certificate " + event.certificateId() + " is held by " + holder + ", not by " + role + " " + named
                + ": " + what + " refused";
    }
}
