package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuShareTest {

    @Test
    void threadsAreListedBusiestFirstAndASideWithoutThreadsSaysSo() {
        Map<String, Double> service = new LinkedHashMap<>();
        service.put("payment-events-", 0.41);
        service.put("C1 CompilerThre", 0.05);
        Map<String, Double> bench = Map.of("data-plane-kafk", 0.12);
        CpuAccounting.Share share = new CpuAccounting.Share(0.5, 0.3, 0.2, 0.1, 0, 0.9, service, bench);
        assertThat(share.describeThreads()).isEqualTo(String.format(
                "service threads: payment-events- %.2f, C1 CompilerThre %.2f; bench threads: data-plane-kafk %.2f",
                0.41, 0.05, 0.12));

        CpuAccounting.Share baselinesOnly = new CpuAccounting.Share(0, 0.3, 0.2, 0.1, 0, 0.9, Map.of(), bench);
        assertThat(baselinesOnly.describeThreads()).startsWith("service threads: none seen; bench threads: data-plane-kafk");
    }
}
