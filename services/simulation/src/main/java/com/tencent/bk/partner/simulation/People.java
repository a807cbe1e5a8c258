package com.tencent.bk.partner.simulation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The program's staff working their open tasks through Camunda REST as Tasklist does: {@code reviewer} reviews,
 * {@code manager} or {@code lead} approve, sign, follow up and confirm, {@code finance} resolves payments,
 * {@code auditor} audits. Each open task is taken up on a given day or left (so deadlines pass); a completion
 * carries exactly the task's declared decision variables (process/TaskDecisions), a comment with every negative.
 */
final class People {

    private final Random random;
    private final ReadOnlyDatabase database;
    private final Map<String, Integer> counts = new HashMap<>();

    People(Random random, ReadOnlyDatabase database) {
        this.random = random;
        this.database = database;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    /** @return tasks completed today */
    int work(ServiceHttp http) {
        // ordered by what a replay reproduces: partner, task, age (task ids are random)
        List<String[]> tasks = database.rows("""
                select t.id_, t.task_def_key_, coalesce(p.business_key_, ''), t.create_time_
                from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
                order by p.business_key_, t.task_def_key_, t.create_time_, t.id_""");
        int done = confirmRenewalAttestations(http);
        for (String[] task : tasks) {
            if (random.nextDouble() >= 0.55) {
                continue; // not today
            }
            Decision decision = task[1].equals("place-referral") ? placeReferral(task[2]) : decide(task[1]);
            if (decision == null) {
                continue;
            }
            int status = http.work(decision.user(), task[0], decision.variables(), signing(task[1], decision));
            if (status == 204) {
                done++;
                counts.merge(task[1] + " " + decision.label(), 1, Integer::sum);
            } else {
                counts.merge(task[1] + " refused " + status, 1, Integer::sum);
            }
        }
        return done;
    }

    private record Decision(String user, String label, Map<String, Object> variables) {
    }

    /**
     * A signature the service may refuse for the company's sake (400: it falls short of the minimums at first
     * signing; 409 for a renewal: short, or its attestations not yet confirmed): the manager tries another day.
     */
    private static boolean signing(String taskKey, Decision decision) {
        return (taskKey.equals("sign-contract") || taskKey.equals("sign-renewal")) && decision.label().equals("yes");
    }

    /** The website confirms the two attestations for the new term of most open renewals, some days late. */
    private int confirmRenewalAttestations(ServiceHttp http) {
        int confirmed = 0;
        for (String[] renewal : database.rows("""
                select r.partner_id from program.renewal r where r.status = 'OPEN'
                  and not exists (select 1 from program.renewal_attestation a
                                  where a.process_instance_id = r.process_instance_id)
                order by r.partner_id""")) {
            if (random.nextDouble() < 0.5) {
                int status = http.confirmRenewalAttestations(renewal[0]);
                counts.merge("renewal attestations " + status, 1, Integer::sum);
                confirmed += status == 201 ? 1 : 0;
            }
        }
        return confirmed;
    }

    private Decision decide(String taskKey) {
        String manager = random.nextInt(5) == 0 ? "lead" : "manager";
        return switch (taskKey) {
            case "review-application" -> yesNo("reviewer", "approved", 0.85, Map.of());
            case "approve-application" -> yesNo("manager", "approved", 0.9, Map.of());
            case "sign-contract" -> yesNo(manager, "contractSigned", 0.92, Map.of());
            case "review-renewal" -> yesNo(manager, "approved", 0.85, Map.of());
            case "review-course" -> yesNo("reviewer", "approved", 0.85, Map.of());
            case "sign-renewal" -> yesNo(manager, "contractSigned", 0.92, Map.of());
            case "confirm-termination" -> yesNo(manager, "confirmed", 0.7, Map.of());
            case "resolve-payment" -> yesNo("finance", "acceptPayment", 0.6, Map.of());
            case "follow-up-shortfall" -> new Decision(manager, "noted",
                    Map.of("comment", "模拟跟进 simulated follow-up: partner contacted"));
            case "audit-partner" -> {
                int n = random.nextInt(100);
                String outcome = n < 90 ? "CONFIRMED" : n < 97 ? "MISMATCH" : "DECEPTION";
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("auditOutcome", outcome);
                if (!outcome.equals("CONFIRMED")) {
                    variables.put("comment", "模拟审计 simulated audit finding");
                }
                if (outcome.equals("MISMATCH")) {
                    // what the auditor counted: any plausible figures (service-level ones are a part of usage)
                    int usage = random.nextInt(7);
                    variables.put("verifiedAutomationUsage", usage);
                    variables.put("verifiedAutomationService", random.nextInt(usage + 1));
                    variables.put("verifiedDevelopment", random.nextInt(5));
                }
                yield new Decision("auditor", outcome, variables);
            }
            default -> null;
        };
    }

    /** A lead no partner took: a manager places it with an eligible ACTIVE partner, or says why not. */
    private Decision placeReferral(String referralId) {
        String manager = random.nextInt(5) == 0 ? "lead" : "manager";
        List<String[]> eligible = database.rows("""
                select p.partner_id from program.partner p join program.referral r on r.referral_id::text = ?
                where p.status = 'ACTIVE' and (p.type = 'ENTERPRISE' or (p.type = 'COMMUNITY' and r.edition = 'COMMUNITY'))
                order by p.partner_id""", referralId);
        if (eligible.isEmpty() || random.nextDouble() < 0.3) {
            return new Decision(manager, "not placed", Map.of("placed", false,
                    "comment", "模拟 simulated: the customer chose to wait"));
        }
        return new Decision(manager, "placed", Map.of("placed", true,
                "placedWith", eligible.get(random.nextInt(eligible.size()))[0]));
    }

    private Decision yesNo(String user, String variable, double yes, Map<String, Object> extra) {
        boolean decision = random.nextDouble() < yes;
        Map<String, Object> variables = new LinkedHashMap<>(extra);
        variables.put(variable, decision);
        if (!decision) {
            variables.put("comment", "模拟决定 simulated decision: no");
        } else if (random.nextBoolean()) {
            variables.put("comment", "ok");
        }
        return new Decision(user, decision ? "yes" : "no", variables);
    }
}
