package com.tencent.bk.partner.simulation;

import com.tencent.bk.partner.bench.PartnerIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The companies of a run and what the training &amp; exam system knows of their engineers' certificates: who
 * holds each certificate now, until when it is valid, whether it was revoked. This is the simulation's own
 * record, kept from the events it sent; the invariants compare the service with the rules, not with it.
 */
final class Population {

    /** A company's intended shape: its type and the engineers it starts with per track. */
    record Company(String id, String type, String profile, String name) {
    }

    static final class Certificate {
        final String id;
        final String engineerId;
        final String track;
        final String level;
        final LocalDate expiresOn;
        String holder;
        boolean revoked;
        boolean expiredSent;
        boolean renewed;

        Certificate(String id, String engineerId, String track, String level, LocalDate expiresOn, String holder) {
            this.id = id;
            this.engineerId = engineerId;
            this.track = track;
            this.level = level;
            this.expiresOn = expiresOn;
            this.holder = holder;
        }

        boolean validOn(LocalDate day) {
            return !revoked && (expiresOn == null || !expiresOn.isBefore(day));
        }
    }

    /** ENTERPRISE profiles by the level their headcount qualifies for, with engineers holding both tracks. */
    private static final Map<String, Integer> ENTERPRISE_ENGINEERS = Map.of("TRIAL", 3, "LEVEL_3", 5, "LEVEL_2", 10,
            "LEVEL_1", 20);

    private final Map<String, Company> companies = new LinkedHashMap<>();
    private final List<Certificate> certificates = new ArrayList<>();
    private final String prefix;
    private int engineers;

    Population(long seed) {
        // the run's companies share a prefix derived from the seed: the same seed names the same companies
        this.prefix = "9135" + Long.toString(Math.floorMod(seed, 29_791L) + 29_791L, 31).toUpperCase()
                .replace('V', 'W').replace('S', 'T').replace('O', 'P').replace('I', 'J').replace('Z', 'Y')
                .substring(0, 3);
    }

    /** N companies of every type; about one in ten starts below its minimum. */
    void create(int count, Random random, LocalDate today, EventGenerator.Sink sink) {
        String[] enterpriseProfiles = {"TRIAL", "TRIAL", "LEVEL_3", "LEVEL_3", "LEVEL_2", "LEVEL_1"};
        for (int i = 0; i < count; i++) {
            String type = switch (i % 8) {
                case 0, 1, 2, 3 -> "ENTERPRISE";
                case 4, 5 -> "COMMUNITY";
                case 6 -> "EDUCATION";
                default -> "BRAND";
            };
            String profile = type.equals("ENTERPRISE") ? enterpriseProfiles[random.nextInt(enterpriseProfiles.length)]
                    : type;
            Company company = new Company(partnerId(companies.size()), type, profile,
                    "模拟科技有限公司 Simulated " + (companies.size() + 1));
            companies.put(company.id(), company);
            boolean below = random.nextInt(10) == 0;
            switch (type) {
                case "ENTERPRISE" -> {
                    int n = ENTERPRISE_ENGINEERS.get(profile) + random.nextInt(3) - (below ? 3 : 0);
                    for (int e = 0; e < Math.max(0, n); e++) {
                        String engineer = nextEngineer(company.id());
                        sink.grant(grant(company.id(), engineer, "AUTOMATION", "SERVICE", random, today));
                        sink.grant(grant(company.id(), engineer, "DEVELOPMENT", null, random, today));
                    }
                }
                case "COMMUNITY" -> {
                    int service = below ? 1 : 2 + random.nextInt(2);
                    for (int e = 0; e < service; e++) {
                        sink.grant(grant(company.id(), nextEngineer(company.id()), "AUTOMATION", "SERVICE", random,
                                today));
                    }
                    sink.grant(grant(company.id(), nextEngineer(company.id()), "DEVELOPMENT", null, random, today));
                }
                case "EDUCATION" -> {
                    if (!below) {
                        sink.grant(grant(company.id(), nextEngineer(company.id()), "AUTOMATION", "USAGE", random,
                                today));
                    }
                    sink.grant(grant(company.id(), nextEngineer(company.id()), "DEVELOPMENT", null, random, today));
                }
                default -> {
                    // BRAND needs no certified engineers
                }
            }
        }
    }

    /** A new certificate: valid for one to three years, or (one in four) without an expiry date. */
    Certificate grant(String holder, String engineerId, String track, String level, Random random, LocalDate today) {
        LocalDate expiresOn = random.nextInt(4) == 0 ? null : today.plusDays(365 + random.nextInt(730));
        Certificate certificate = new Certificate("CERT-" + holder.substring(10) + "-" + (certificates.size() + 1),
                engineerId, track, level, expiresOn, holder);
        certificates.add(certificate);
        return certificate;
    }

    String nextEngineer(String company) {
        return "ENG-" + company.substring(10) + "-" + (++engineers);
    }

    List<Company> companies() {
        return List.copyOf(companies.values());
    }

    Company company(String id) {
        return companies.get(id);
    }

    List<Certificate> certificates() {
        return certificates;
    }

    private String partnerId(int n) {
        StringBuilder digits = new StringBuilder();
        long rest = n;
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 10; i++) {
            digits.append(alphabet.charAt((int) (rest % 31)));
            rest /= 31;
        }
        return PartnerIds.withCheckCharacter(prefix + digits.reverse());
    }
}
