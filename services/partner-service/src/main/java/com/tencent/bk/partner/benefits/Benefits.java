package com.tencent.bk.partner.benefits;

import com.tencent.bk.partner.events.OutboundEvent;
import com.tencent.bk.partner.events.Outbox;
import com.tencent.bk.partner.registry.Partner;
import com.tencent.bk.partner.registry.PartnerLevel;
import com.tencent.bk.partner.registry.PartnerRegistry;
import com.tencent.bk.partner.registry.PartnerStatus;
import com.tencent.bk.partner.registry.PartnerType;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a partner receives from the program: the common benefits and those of its type. They are announced at
 * activation ({@code bk.partner.activated}) and again ({@code bk.partner.benefits-changed}) whenever the
 * partnership they follow changes: renewal, a level change up or down, termination or expiry (then the list is
 * empty: the benefits end). Runs in the caller's transaction.
 */
@Component
public class Benefits {

    /** Why the benefits were announced again. */
    public enum Reason {
        RENEWED, LEVEL_CHANGED, TERMINATED, EXPIRED
    }

    /** {@code bk.partner.benefits-changed}: the benefits the partner has from now on (none once it ended). */
    record BenefitsChanged(String partnerId, PartnerType type, PartnerLevel level, List<String> benefits,
                           Reason reason, String detail) implements OutboundEvent {
        @Override
        public String eventType() {
            return "bk.partner.benefits-changed";
        }
    }

    private final BenefitsProperties properties;
    private final PartnerRegistry registry;
    private final Outbox outbox;

    Benefits(BenefitsProperties properties, PartnerRegistry registry, Outbox outbox) {
        this.properties = properties;
        this.registry = registry;
        this.outbox = outbox;
    }

    /** The benefits of an ACTIVE partner of this type. */
    public List<String> of(PartnerType type) {
        return properties.benefitsOf(type);
    }

    /**
     * Announces the partner's benefits as the registry holds it now (after the change): those of its type while
     * ACTIVE, none otherwise.
     */
    public void announce(String partnerId, Reason reason, String detail) {
        Partner partner = registry.find(partnerId).orElseThrow(
                () -> new IllegalStateException("Unknown partner " + partnerId));
        List<String> benefits = partner.status() == PartnerStatus.ACTIVE ? of(partner.type()) : List.of();
        outbox.publish(new BenefitsChanged(partnerId, partner.type(), partner.level(), benefits, reason, detail));
    }
}
