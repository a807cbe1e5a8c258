package com.tencent.bk.partner.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rest of the program's outside world, each day: education partners register courses (mostly with certified
 * instructors, sometimes naming one without the matching certificate, which the service must refuse) and name
 * replacements for suspended ones; BlueKing's CRM refers customer leads; the website answers the offers its
 * partners hold — accept, decline with a reason, or let them expire. Rows are read sorted, so a seed replays.
 */
final class CoursesAndLeads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("福建", "广东", "北京", "上海", "四川");

    private final Random random;
    private final ReadOnlyDatabase db;
    private final Map<String, Integer> counts = new HashMap<>();
    private int registered;

    CoursesAndLeads(Random random, ReadOnlyDatabase db) {
        this.random = random;
        this.db = db;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    void day(ServiceHttp http, LocalDate today) {
        registerCourses(http, today);
        replaceInstructors(http, today);
        if (random.nextDouble() < 0.25) {
            refer(http);
        }
        answerOffers(http);
    }

    private void registerCourses(ServiceHttp http, LocalDate today) {
        for (String[] partner : db.rows("""
                select partner_id from program.partner where status = 'ACTIVE' and type = 'EDUCATION'
                order by partner_id""")) {
            if (random.nextDouble() >= 0.03) {
                continue;
            }
            List<String[]> certified = certified(partner[0], today);
            if (certified.isEmpty()) {
                continue;
            }
            String[] instructor = certified.get(random.nextInt(certified.size()));
            ObjectNode body = JSON.createObjectNode().put("title", "模拟课程 simulated course " + (++registered));
            boolean certification = random.nextBoolean();
            if (certification) {
                body.put("kind", "CERTIFICATION").put("track", instructor[1]);
                if (instructor[1].equals("AUTOMATION")) {
                    body.put("level", random.nextBoolean() ? "USAGE" : instructor[2]);
                }
            } else {
                body.put("kind", random.nextBoolean() ? "AUTOMATION_OPERATIONS" : "ENTERPRISE_TRAINING");
            }
            ArrayNode instructors = body.putArray("instructors").add(instructor[0]);
            boolean uncertified = random.nextDouble() < 0.1;
            if (uncertified) {
                instructors.add("sim-uncertified-" + registered); // holds no certificate of this partner
            }
            int status = http.send("website", "POST", "/api/partners/" + partner[0] + "/courses", body.toString())
                    .status();
            counts.merge("course registered " + status, 1, Integer::sum);
            if (uncertified != (status == 400)) {
                throw new IllegalStateException("course registration of " + partner[0] + " answered " + status
                        + (uncertified ? " though it named an uncertified instructor" : ": " + body));
            }
        }
    }

    private void replaceInstructors(ServiceHttp http, LocalDate today) {
        for (String[] course : db.rows("""
                select c.course_id::text, c.partner_id, c.kind, coalesce(c.track, ''), coalesce(c.level, '')
                from program.course c where c.state = 'SUSPENDED' order by c.partner_id, c.course_id""")) {
            if (random.nextDouble() >= 0.2) {
                continue; // another day, or never: the deadline withdraws it
            }
            List<String> matching = certified(course[1], today).stream()
                    .filter(row -> course[2].equals("CERTIFICATION") ? matches(row, course[3], course[4]) : true)
                    .map(row -> row[0]).toList();
            if (matching.isEmpty()) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.putArray("instructors").add(matching.get(random.nextInt(matching.size())));
            int status = http.send("website", "PUT", "/api/partners/" + course[1] + "/courses/" + course[0]
                    + "/instructors", body.toString()).status();
            counts.merge("instructors replaced " + status, 1, Integer::sum);
        }
    }

    private void refer(ServiceHttp http) {
        ObjectNode body = JSON.createObjectNode().put("edition", random.nextBoolean() ? "ENTERPRISE" : "COMMUNITY");
        body.putObject("customer").put("name", "模拟客户 simulated customer")
                .put("region", REGIONS.get(random.nextInt(REGIONS.size()))).put("contact", "sim@example.com");
        body.putArray("services").add("运维自动化 automation");
        int status = http.send("website", "POST", "/api/referrals", body.toString()).status();
        counts.merge("lead referred " + status, 1, Integer::sum);
    }

    private void answerOffers(ServiceHttp http) {
        for (String[] offer : db.rows("""
                select o.referral_id::text, o.partner_id from program.referral_offer o
                where o.outcome is null order by o.partner_id, o.referral_id""")) {
            double answer = random.nextDouble();
            if (answer < 0.35) {
                ObjectNode body = JSON.createObjectNode().put("partnerId", offer[1]);
                counts.merge("offer accepted " + http.send("website", "POST", "/api/referrals/" + offer[0]
                        + "/accept", body.toString()).status(), 1, Integer::sum);
            } else if (answer < 0.6) {
                ObjectNode body = JSON.createObjectNode().put("partnerId", offer[1])
                        .put("reason", "模拟 simulated: no capacity this quarter");
                counts.merge("offer declined " + http.send("website", "POST", "/api/referrals/" + offer[0]
                        + "/decline", body.toString()).status(), 1, Integer::sum);
            }
        }
    }

    /** {engineerId, track, level} of the certificates that count for the partner today. */
    private List<String[]> certified(String partnerId, LocalDate today) {
        return new ArrayList<>(db.rows("""
                select engineer_id, track, coalesce(level, '') from program.certificate
                where partner_id = ? and granted and status = 'VALID' and (expires_on is null or expires_on >= ?)
                order by engineer_id, track, level""", partnerId, today));
    }

    /** A certificate {engineerId, track, level} qualifies for a certification course: SERVICE covers USAGE. */
    static boolean matches(String[] certificate, String track, String level) {
        if (!certificate[1].equals(track)) {
            return false;
        }
        return !track.equals("AUTOMATION") || level.isEmpty() || certificate[2].equals(level)
                || (level.equals("USAGE") && certificate[2].equals("SERVICE"));
    }
}
