package com.tencent.bk.partner.support;

import com.tencent.bk.partner.common.UnifiedSocialCreditCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test companies with valid, unique unified social credit codes, and the events and bodies about them. */
public final class Companies {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Companies() {
    }

    /** A fresh valid partnerId, e.g. {@code 91350100M000100Y43}. */
    public static String newPartnerId() {
        StringBuilder prefix = new StringBuilder("9135");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (prefix.length() < 17) {
            prefix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(prefix.toString());
    }

    public static Map<String, Object> application(String partnerId, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("companyName", "测试科技有限公司 Test Tech " + partnerId.substring(10));
        body.put("type", type);
        body.put("contact", Map.of("name", "张三", "email", "zhang.san@example.com", "phone", "+86 138 0000 0000"));
        body.put("attestations", Map.of("acceptsProgramRules", true, "noCompetingProducts", true));
        return body;
    }

    /** data of a bk.certification.granted event. */
    public static Map<String, Object> granted(String partnerId, String engineerId, String track, String level,
                                              String expiresOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificateId", "CERT-" + UUID.randomUUID());
        data.put("engineerId", engineerId);
        data.put("partnerId", partnerId);
        data.put("track", track);
        if (level != null) {
            data.put("level", level);
        }
        data.put("issuedOn", "2026-01-15");
        if (expiresOn != null) {
            data.put("expiresOn", expiresOn);
        }
        return data;
    }
}
