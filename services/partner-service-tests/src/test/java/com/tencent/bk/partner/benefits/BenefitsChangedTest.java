package com.tencent.bk.partner.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Benefits follow the partnership (issue 13, part 3): a level change re-announces the partner's benefits
 * ({@code bk.partner.benefits-changed}) with the new level. Termination (benefits end) is shown in CourseTest.
 */
class BenefitsChangedTest extends ServiceIntegrationTest {

    @Test
    void levelChangeReannouncesTheBenefitsAtTheNewLevel() {
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 3, 3);
        assertThat(publishedEvents(partnerId)).extracting(event -> event.path("type").asText())
                .doesNotContain("bk.partner.benefits-changed");

        for (int i = 3; i < 5; i++) {
            certify(partnerId, "auto-" + i, "AUTOMATION", "SERVICE", null);
            certify(partnerId, "dev-" + i, "DEVELOPMENT", null, null);
        }

        JsonNode changed = kafka.awaitPartnerEvent(partnerId, "bk.partner.benefits-changed").path("data");
        assertThat(changed.path("reason").asText()).isEqualTo("LEVEL_CHANGED");
        assertThat(changed.path("type").asText()).isEqualTo("ENTERPRISE");
        assertThat(changed.path("level").asText()).isEqualTo("LEVEL_3");
        assertThat(changed.path("detail").asText()).contains("TRIAL -> LEVEL_3");
        assertThat(changed.path("benefits").toString()).contains("SELL_ENTERPRISE_EDITION", "SHARING_PLAN");
    }
}
