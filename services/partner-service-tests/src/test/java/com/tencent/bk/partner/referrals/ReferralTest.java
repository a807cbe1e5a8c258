package com.tencent.bk.partner.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencent.bk.partner.common.ProgramClock;
import com.tencent.bk.partner.support.Companies;
import com.tencent.bk.partner.support.EngineRestClient;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import com.tencent.bk.partner.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The sharing plan from outside: the CRM refers leads over HTTP, the website answers offers, offers are watched on
 * {@code bk.partner.events}, managers work {@code place-referral} in Camunda's REST API. Every partner of this class
 * lives in a region of its own, so leads of other tests' partners (which have no region) rank after them.
 */
class ReferralTest extends ServiceIntegrationTest {

    @Autowired
    ProgramClock clock;

    @Test
    void aHigherLevelWinsOverTheRegionTheRegionOverOtherPartnersOfTheLevelAndOpenReferralsRotate() {
        String region = region();
        String first = Companies.newPartnerId();
        String second = Companies.newPartnerId();
        activePartner(first, "ENTERPRISE", 10, 10, region);
        activePartner(second, "ENTERPRISE", 10, 10, region);
        String level3Region = region();
        String level3 = Companies.newPartnerId();
        activePartner(level3, "ENTERPRISE", 5, 5, level3Region);
        assertThat(partner(first).path("level").asText()).isEqualTo("LEVEL_2");
        assertThat(partner(level3).path("level").asText()).isEqualTo("LEVEL_3");

        // the two LEVEL_2 partners of the lead's region come before every other LEVEL_2 partner, and take turns
        String lead1 = refer("ENTERPRISE", region);
        String offered1 = openOffer(lead1).path("partnerId").asText();
        assertThat(offered1).isIn(first, second);
        String lead2 = refer("COMMUNITY", region);
        String offered2 = openOffer(lead2).path("partnerId").asText();
        assertThat(offered2).as("the partner without an open referral is next").isIn(first, second)
                .isNotEqualTo(offered1);

        // a LEVEL_3 partner of the lead's own region still comes after the LEVEL_2 partners elsewhere
        String lead3 = refer("ENTERPRISE", level3Region);
        String offered3 = openOffer(lead3).path("partnerId").asText();
        assertThat(offered3).isNotEqualTo(level3);
        assertThat(partner(offered3).path("level").asText()).isIn("LEVEL_2", "LEVEL_1");

        JsonNode event = kafka.awaitPartnerEvent(offered1, "bk.partner.referral-offered");
        assertThat(publishedEvents(offered1)).anySatisfy(offered -> {
            assertThat(offered.path("type").asText()).isEqualTo("bk.partner.referral-offered");
            assertThat(offered.path("data").path("referralId").asText()).isEqualTo(lead1);
        });
        assertThat(event.path("data").has("respondBy")).isTrue();
    }

    @Test
    void anOfferNotAnsweredByItsDeadlineExpiresAndTheLeadMovesOn() {
        String region = region();
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "COMMUNITY", 2, 1, region);
        activePartner(Companies.newPartnerId(), "COMMUNITY", 2, 1, null);
        String lead = refer("COMMUNITY", region);
        JsonNode offer = openOffer(lead);
        String offeredTo = offer.path("partnerId").asText();

        // the partner has to the end of the third program day after today (Asia/Shanghai)
        ZonedDateTime respondBy = Instant.parse(offer.path("respondBy").asText()).atZone(ProgramClock.PROGRAM_ZONE);
        assertThat(respondBy.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(respondBy.toLocalDate()).isEqualTo(clock.today().plusDays(4));

        // the deadline comes: its timer is fired as the job executor would
        String instance = referral(lead).path("processInstanceId").asText();
        JsonNode timers = EngineRestClient.read(engine.get(TestUsers.ADMIN, "/engine-rest/job?firstResult=0&maxResults=10&timers=true&processInstanceId="
                + instance).getBody());
        assertThat(timers).hasSize(1);
        ResponseEntity<String> fired = engine.post(TestUsers.ADMIN, "/engine-rest/job/" + timers.get(0).path("id").asText()
                + "/execute", Map.of());
        assertThat(fired.getStatusCode().value()).as(fired.getBody()).isEqualTo(204);

        JsonNode expired = kafka.awaitPartnerEvent(offeredTo, "bk.partner.referral-expired").path("data");
        assertThat(expired.path("referralId").asText()).isEqualTo(lead);
        assertThat(expired.path("respondBy").asText()).isEqualTo(offer.path("respondBy").asText());
        JsonNode next = openOffer(lead);
        assertThat(next.path("partnerId").asText()).isNotEqualTo(offeredTo);
        assertThat(publishedEvents(next.path("partnerId").asText())).anySatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("bk.partner.referral-offered");
            assertThat(event.path("data").path("referralId").asText()).isEqualTo(lead);
        });
        assertThat(offers(lead)).first().satisfies(first -> assertThat(first.path("outcome").asText()).isEqualTo("EXPIRED"));
        // an answer after the deadline is refused
        assertThat(engine.post(TestUsers.WEBSITE, "/api/referrals/" + lead + "/accept", Map.of("partnerId", offeredTo))
                .getStatusCode().value()).isEqualTo(409);

        // managers see who lets offers expire; nobody else does
        JsonNode unanswered = EngineRestClient.read(engine.get(TestUsers.MANAGER, "/api/referrals/unanswered").getBody());
        assertThat(unanswered.path("partners").findValuesAsText("partnerId")).contains(offeredTo);
        assertThat(engine.get(TestUsers.REVIEWER, "/api/referrals/unanswered").getStatusCode().value()).isEqualTo(403);
        JsonNode record = EngineRestClient.read(engine.get(TestUsers.WEBSITE, "/api/partners/" + offeredTo
                + "/referrals").getBody());
        assertThat(record.path("expired").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theOfferedPartnerDeclinesWithAReasonOrAcceptsAndNoOtherPartnerCanAnswerForIt() {
        String region = region();
        String declining = Companies.newPartnerId();
        activePartner(declining, "COMMUNITY", 2, 1, region);
        activePartner(Companies.newPartnerId(), "COMMUNITY", 2, 1, null);
        String lead = refer("COMMUNITY", region);
        String offeredTo = openOffer(lead).path("partnerId").asText();
        String path = "/api/referrals/" + lead;

        ResponseEntity<String> noReason = engine.post(TestUsers.WEBSITE, path + "/decline", Map.of("partnerId", offeredTo));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(noReason.getBody()).contains("reason");

        // a forged answer for a partner the lead is not offered to, well-formed or not
        String stranger = Companies.newPartnerId();
        ResponseEntity<String> forged = engine.post(TestUsers.WEBSITE, path + "/accept", Map.of("partnerId", stranger));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(409);
        assertThat(forged.getBody()).contains("not offered to " + stranger);
        assertThat(engine.post(TestUsers.WEBSITE, path + "/accept", Map.of("partnerId", "x' or 1=1"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(engine.post(TestUsers.WEBSITE, "/api/referrals/" + UUID.randomUUID() + "/accept",
                Map.of("partnerId", offeredTo)).getStatusCode().value()).isEqualTo(404);
        assertThat(openOffer(lead).path("partnerId").asText()).as("nothing changed").isEqualTo(offeredTo);

        ResponseEntity<String> declined = engine.post(TestUsers.WEBSITE, path + "/decline",
                Map.of("partnerId", offeredTo, "reason", "暂无交付人力 no delivery capacity this quarter"));
        assertThat(declined.getStatusCode().value()).as(declined.getBody()).isEqualTo(200);
        String next = openOffer(lead).path("partnerId").asText();
        assertThat(next).isNotEqualTo(offeredTo);
        assertThat(engine.post(TestUsers.WEBSITE, path + "/accept", Map.of("partnerId", offeredTo))
                .getStatusCode().value()).as("the decliner cannot take it back").isEqualTo(409);

        ResponseEntity<String> accepted = engine.post(TestUsers.WEBSITE, path + "/accept", Map.of("partnerId", next));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        JsonNode acceptedEvent = kafka.awaitPartnerEvent(next, "bk.partner.referral-accepted").path("data");
        assertThat(acceptedEvent.path("referralId").asText()).isEqualTo(lead);
        assertThat(referral(lead).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(engine.post(TestUsers.WEBSITE, path + "/accept", Map.of("partnerId", next))
                .getStatusCode().value()).as("answered once").isEqualTo(409);

        JsonNode decliner = partnerReferrals(offeredTo);
        JsonNode declinedEntry = entryOf(decliner, lead);
        assertThat(declinedEntry.path("outcome").asText()).isEqualTo("DECLINED");
        assertThat(declinedEntry.path("reason").asText()).contains("no delivery capacity");
        assertThat(declinedEntry.has("customer")).as("the customer is shown only to the partner that took it").isFalse();
        assertRate(decliner);
        JsonNode taker = partnerReferrals(next);
        assertThat(entryOf(taker, lead).path("customer").path("contact").asText()).isEqualTo("李四 +86 139 0000 0000");
        assertThat(taker.path("accepted").asLong()).isGreaterThanOrEqualTo(1);
        assertRate(taker);
        if (offeredTo.equals(declining)) {
            assertThat(decliner.path("acceptanceRate").decimalValue()).isZero();
        }
    }

    @Test
    void aPartnerTerminatedWhileItHoldsAnOfferLosesItAndTheLeadMovesOn() {
        String region = region();
        String partnerId = Companies.newPartnerId();
        activePartner(partnerId, "ENTERPRISE", 10, 10, region);
        String lead = refer("ENTERPRISE", region);
        assertThat(openOffer(lead).path("partnerId").asText()).isEqualTo(partnerId);

        assertThat(engine.post(TestUsers.MANAGER, "/api/partners/" + partnerId + "/terminations",
                Map.of("reason", "严重违规 serious breach")).getStatusCode().value()).isEqualTo(201);
        engine.work(TestUsers.AUDITOR_MANAGER, engine.awaitTask(TestUsers.AUDITOR_MANAGER, partnerId,
                "confirm-termination"), Map.of("confirmed", true, "comment", "confirmed"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "TERMINATED".equals(partner(partnerId).path("status").asText()));

        JsonNode offers = offers(lead);
        assertThat(offers.get(0).path("partnerId").asText()).isEqualTo(partnerId);
        assertThat(offers.get(0).path("outcome").asText()).isEqualTo("WITHDRAWN");
        String next = nextStepAfterWithdrawal(lead);
        if (next != null) {
            assertThat(next).isNotEqualTo(partnerId);
        }
        assertThat(engine.post(TestUsers.WEBSITE, "/api/referrals/" + lead + "/accept", Map.of("partnerId", partnerId))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aPartnershipEndingDoesNotWaitForThePartnerItsLeadGoesToNext() throws Exception {
        String region = region();
        String first = Companies.newPartnerId();
        String second = Companies.newPartnerId();
        activePartner(first, "ENTERPRISE", 10, 10, region);
        activePartner(second, "ENTERPRISE", 10, 10, region);
        String lead = refer("ENTERPRISE", region);
        String holder = openOffer(lead).path("partnerId").asText();
        String other = holder.equals(first) ? second : first;
        assertThat(engine.post(TestUsers.MANAGER, "/api/partners/" + holder + "/terminations",
                Map.of("reason", "严重违规 serious breach")).getStatusCode().value()).isEqualTo(201);
        String confirmation = engine.awaitTask(TestUsers.AUDITOR_MANAGER, holder, "confirm-termination");

        try (Connection busy = sessionOfItsOwn()) {
            // the partner the lead goes to next is being changed meanwhile (its row locked): the termination must
            // not wait for it, or two partnerships ending together could each wait for the other's row
            busy.setAutoCommit(false);
            try (PreparedStatement touch = busy.prepareStatement(
                    "update program.partner set updated_at = updated_at where partner_id = ?")) {
                touch.setString(1, other);
                assertThat(touch.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Void> confirmed = CompletableFuture.runAsync(() -> engine.work(
                    TestUsers.AUDITOR_MANAGER, confirmation, Map.of("confirmed", true, "comment", "confirmed")));
            confirmed.get(20, TimeUnit.SECONDS);
            assertThat(partner(holder).path("status").asText()).isEqualTo("TERMINATED");
            busy.commit();
        }
        String next = nextStepAfterWithdrawal(lead);
        if (next != null) {
            assertThat(next).isNotEqualTo(holder);
            assertThat(partner(next).path("status").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aLeadIsNotOfferedToAPartnershipThatIsEndingThisMomentButToAPartnerStillActive() throws Exception {
        String region = region();
        String ending = Companies.newPartnerId();
        activePartner(ending, "ENTERPRISE", 10, 10, region);
        activePartner(Companies.newPartnerId(), "ENTERPRISE", 5, 5, region); // ranks after it, always eligible
        try (Connection expiry = sessionOfItsOwn()) {
            // the partnership ends in a transaction not committed yet: the ranking still reads it ACTIVE, first
            expiry.setAutoCommit(false);
            try (PreparedStatement expire = expiry.prepareStatement(
                    "update program.partner set status = 'EXPIRED' where partner_id = ?")) {
                expire.setString(1, ending);
                assertThat(expire.executeUpdate()).isEqualTo(1);
            }
            // the offer neither goes to it nor waits for it (it holds the lead meanwhile)
            String lead = CompletableFuture.supplyAsync(() -> refer("ENTERPRISE", region)).get(20, TimeUnit.SECONDS);
            expiry.commit();

            String offeredTo = openOffer(lead).path("partnerId").asText();
            assertThat(offeredTo).isNotEqualTo(ending);
            assertThat(partner(offeredTo).path("status").asText()).isEqualTo("ACTIVE");
            assertThat(publishedEvents(ending)).noneSatisfy(event ->
                    assertThat(event.path("type").asText()).isEqualTo("bk.partner.referral-offered"));
        } finally {
            // back to what the registry's processes expect of it
            jdbcClient.sql("update program.partner set status = 'ACTIVE' where partner_id = ?").param(ending).update();
        }
    }

    @Test
    void anEnterpriseLeadNeverReachesACommunityPartnerAndAfterTheDeclinesManagersPlaceIt() throws Exception {
        String region = region();
        String community = Companies.newPartnerId();
        activePartner(community, "COMMUNITY", 2, 1, region);
        List<String> enterprises = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enterprises.add(Companies.newPartnerId());
            activePartner(enterprises.get(i), "ENTERPRISE", 3, 3, null);
        }
        String lead = refer("ENTERPRISE", region);
        for (int i = 0; i < 3; i++) {
            String offeredTo = openOffer(lead).path("partnerId").asText();
            assertThat(offeredTo).isNotEqualTo(community);
            assertThat(partner(offeredTo).path("type").asText()).isEqualTo("ENTERPRISE");
            assertThat(engine.post(TestUsers.WEBSITE, "/api/referrals/" + lead + "/decline",
                    Map.of("partnerId", offeredTo, "reason", "busy")).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(offers(lead).findValuesAsText("partnerId")).doesNotContain(community).hasSize(3);

        String task = engine.awaitTask(TestUsers.MANAGER, lead, "place-referral");
        assertThat(referral(lead).path("status").asText()).isEqualTo("AWAITING_PLACEMENT");
        // a reviewer neither sees nor completes it
        assertThat(engine.tasks(TestUsers.REVIEWER, lead)).isEmpty();
        assertThat(engine.complete(TestUsers.REVIEWER, task, Map.of("placed", false, "comment", "no"))
                .getStatusCode().value()).isIn(403, 404);

        engine.claim(TestUsers.MANAGER, task);
        assertThat(engine.complete(TestUsers.MANAGER, task, Map.of("placed", false)).getStatusCode().value())
                .as("not placing it needs a reason").isEqualTo(400);
        ResponseEntity<String> toCommunity = engine.complete(TestUsers.MANAGER, task,
                Map.of("placed", true, "placedWith", community, "comment", "close to the customer"));
        assertThat(toCommunity.getStatusCode().value()).as(toCommunity.getBody()).isEqualTo(409);
        String enterprise = enterprises.get(0);
        try (Connection expiry = sessionOfItsOwn()) {
            // its partnership ends while the manager places the lead with it: the placement waits and is refused
            expiry.setAutoCommit(false);
            try (PreparedStatement expire = expiry.prepareStatement(
                    "update program.partner set status = 'EXPIRED' where partner_id = ?")) {
                expire.setString(1, enterprise);
                assertThat(expire.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<ResponseEntity<String>> whileEnding = CompletableFuture.supplyAsync(() -> engine.complete(
                    TestUsers.MANAGER, task, Map.of("placed", true, "placedWith", enterprise, "comment", "by phone")));
            await("the placement waits for the partner's change in flight").atMost(Duration.ofSeconds(20))
                    .until(() -> whileEnding.isDone() || waitingOnLocks("%program.partner%for share%") > 0);
            expiry.commit();
            assertThat(whileEnding.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(409);
            assertThat(referral(lead).path("status").asText()).isEqualTo("AWAITING_PLACEMENT");
        } finally {
            jdbcClient.sql("update program.partner set status = 'ACTIVE' where partner_id = ?").param(enterprise).update();
        }
        ResponseEntity<String> placed = engine.complete(TestUsers.MANAGER, task,
                Map.of("placed", true, "placedWith", enterprise, "comment", "agreed by phone"));
        assertThat(placed.getStatusCode().value()).as(placed.getBody()).isEqualTo(204);
        JsonNode done = referral(lead);
        assertThat(done.path("status").asText()).isEqualTo("PLACED");
        assertThat(done.path("placedWith").asText()).isEqualTo(enterprise);
        assertThat(done.path("placedBy").asText()).isEqualTo(TestUsers.MANAGER);
    }

    @Test
    void aLeadOrARegionThatIsNotWellFormedIsRefusedNamingEachField() {
        ResponseEntity<String> bad = engine.post(TestUsers.WEBSITE, "/api/referrals", Map.of(
                "customer", Map.of("name", "", "region", "<script>"), "edition", "PLATINUM", "services", List.of()));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("customer.name", "customer.region", "customer.contact", "edition", "services");
        Map<String, Object> application = new java.util.HashMap<>(Companies.application(Companies.newPartnerId(), "COMMUNITY"));
        application.put("region", "<script>");
        ResponseEntity<String> badRegion = apply(application);
        assertThat(badRegion.getStatusCode().value()).isEqualTo(400);
        assertThat(badRegion.getBody()).contains("region");
        assertThat(engine.get(TestUsers.REVIEWER, "/api/referrals/" + UUID.randomUUID()).getStatusCode().value())
                .isEqualTo(403);
    }

    private String refer(String edition, String region) {
        ResponseEntity<String> created = engine.post(TestUsers.WEBSITE, "/api/referrals", Map.of(
                "customer", Map.of("name", "深圳某银行 A Shenzhen bank", "region", region,
                        "contact", "李四 +86 139 0000 0000"),
                "edition", edition, "services", List.of("作业平台 job platform", "运维自动化 automation")));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return EngineRestClient.read(created.getBody()).path("referralId").asText();
    }

    /** The partner the lead is offered to once the offer after a withdrawal was made (a job), null if none. */
    private String nextStepAfterWithdrawal(String lead) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String status = referral(lead).path("status").asText();
            return status.equals("AWAITING_PLACEMENT") || (status.equals("OFFERING")
                    && offers(lead).findValuesAsText("outcome").contains("OPEN"));
        });
        return referral(lead).path("status").asText().equals("OFFERING")
                ? openOffer(lead).path("partnerId").asText() : null;
    }

    private JsonNode referral(String lead) {
        ResponseEntity<String> response = engine.get(TestUsers.MANAGER, "/api/referrals/" + lead);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EngineRestClient.read(response.getBody());
    }

    private JsonNode offers(String lead) {
        return referral(lead).path("offers");
    }

    private JsonNode openOffer(String lead) {
        JsonNode open = null;
        for (JsonNode offer : offers(lead)) {
            if ("OPEN".equals(offer.path("outcome").asText())) {
                open = offer;
            }
        }
        assertThat(open).as("an open offer of %s", lead).isNotNull();
        return open;
    }

    private JsonNode partnerReferrals(String partnerId) {
        ResponseEntity<String> response = engine.get(TestUsers.WEBSITE, "/api/partners/" + partnerId + "/referrals");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EngineRestClient.read(response.getBody());
    }

    private static JsonNode entryOf(JsonNode partnerReferrals, String lead) {
        for (JsonNode entry : partnerReferrals.path("referrals")) {
            if (lead.equals(entry.path("referralId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("referral " + lead + " not listed: " + partnerReferrals);
    }

    /** accepted of those answered or let expire, two decimals. */
    private static void assertRate(JsonNode record) {
        long decided = record.path("accepted").asLong() + record.path("declined").asLong() + record.path("expired").asLong();
        assertThat(decided).isPositive();
        assertThat(record.path("acceptanceRate").decimalValue().doubleValue())
                .isCloseTo((double) record.path("accepted").asLong() / decided, org.assertj.core.data.Offset.offset(0.006));
    }

    private static String region() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
