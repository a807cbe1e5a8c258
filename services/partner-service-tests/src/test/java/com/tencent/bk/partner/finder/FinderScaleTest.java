package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.registry.PartnerType;
import com.tencent.bk.partner.support.ServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The finder at 10,000 active partners (and 2,000 others): every search answers right, and a page is read off
 * the finder's index rather than by sorting every active partner, which is what keeps it fast (the plan is
 * asserted; times are only logged: timings belong to benchmarks, not to tests on a shared machine). The
 * companies exist only inside a transaction that is rolled back, so no other test ever sees them.
 */
class FinderScaleTest extends ServiceIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(FinderScaleTest.class);

    @Autowired
    Finder finder;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void searchesAtTenThousandPartnersAreReadOffTheFindersIndex() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            insertCompanies();
            jdbcClient.sql("analyze program.partner").update();
            jdbcClient.sql("analyze program.contract").update();

            Finder.Page first = timed("first page", () -> finder.search(query(null, null, null, 0)));
            assertThat(first.totalElements()).isGreaterThanOrEqualTo(10_000);
            assertThat(first.content()).hasSize(20).allSatisfy(partner -> assertThat(partner.partnerSince()).isNotNull());
            Finder.Page last = timed("deep page", () -> finder.search(query(null, null, null, 499)));
            assertThat(last.content()).isNotEmpty();
            Finder.Page byName = timed("name", () -> finder.search(query("规模测试12", null, null, 0)));
            assertThat(byName.totalElements()).isEqualTo(111); // 12, 120–129, 1200–1299 among 1–10000
            Finder.Page filtered = timed("type and region",
                    () -> finder.search(query(null, PartnerType.EDUCATION, "北京", 3)));
            assertThat(filtered.content()).hasSize(20).allSatisfy(partner -> {
                assertThat(partner.type()).isEqualTo(PartnerType.EDUCATION);
                assertThat(partner.region()).isEqualTo("北京");
            });
            timed("regions", finder::regions);
            timed("one partner", () -> finder.find("SCALE0000000004711"));

            List<String> plan = explain(new FinderQuery(null, null, null, null, 0, 20));
            log.info("finder's first page at 10,000 partners:\n{}", String.join("\n", plan));
            assertThat(String.join("\n", plan)).as("read off the partial index, not sorted")
                    .contains("partner_finder_idx").doesNotContain("Seq Scan");
            log.info("a name search:\n{}", String.join("\n", explain(new FinderQuery("规模测试12", null, null, null, 0, 20))));
        });
        assertThat(jdbcClient.sql("select count(*) from program.partner where partner_id like 'SCALE%'")
                .query(Long.class).single()).as("rolled back").isZero();
    }

    private static FinderQuery query(String name, PartnerType type, String region, int page) {
        return new FinderQuery(name, type, null, region, page, 20);
    }

    private <T> T timed(String what, Supplier<T> search) {
        search.get(); // once to warm the JIT and the caches, then logged
        long start = System.nanoTime();
        T result = search.get();
        log.info("finder at 10,000 partners, {}: {} ms", what, Duration.ofNanos(System.nanoTime() - start).toMillis());
        return result;
    }

    private List<String> explain(FinderQuery query) {
        String sql = "explain (analyze, buffers) select p.partner_id, (select c.starts_on from program.contract c "
                + "where c.partner_id = p.partner_id and c.application_id is not null "
                + "order by c.starts_on desc, c.created_at desc limit 1) from program.partner p where p.status = 'ACTIVE'"
                + query.conditions() + " order by p.company_name, p.partner_id limit :limit offset :offset";
        return jdbcClient.sql(sql).paramSource(query.parameters()).query(String.class).list();
    }

    /** 12,000 companies, the first 10,000 ACTIVE, each with the contract of its activation and half with a renewal. */
    private void insertCompanies() {
        jdbcClient.sql("""
                insert into program.partner (partner_id, company_name, type, level, status, contact_name, contact_email,
                                             contact_phone, region, created_at, updated_at)
                select 'SCALE' || lpad(i::text, 13, '0'),
                       (array['福州', '厦门', '深圳', '北京', '上海'])[1 + i % 5] || '规模测试' || i || '科技有限公司 Scale ' || i,
                       (array['ENTERPRISE', 'COMMUNITY', 'EDUCATION', 'BRAND'])[1 + i % 4],
                       case when i % 4 = 0 then (array['TRIAL', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'])[1 + (i / 4) % 4] end,
                       case when i <= 10000 then 'ACTIVE'
                            else (array['APPLIED', 'REJECTED', 'TERMINATED', 'EXPIRED'])[1 + i % 4] end,
                       '联系人', 'contact@example.com', '+86 591 0000 0000',
                       (array['福建', '广东', '北京', '上海', '浙江', '江苏', '四川', '湖北', '陕西', '山东'])[1 + i % 10],
                       now(), now()
                from generate_series(1, 12000) i
                """).update();
        jdbcClient.sql("""
                insert into program.contract (contract_id, partner_id, application_id, type, level, starts_on, ends_on,
                                              status, created_at)
                select 'SCALE-' || partner_id, partner_id, gen_random_uuid(), type, level,
                       date '2024-01-01' + (hashtext(partner_id) & 511), date '2025-01-01' + (hashtext(partner_id) & 511),
                       case when status = 'ACTIVE' then 'ACTIVE' else 'ENDED' end, now()
                from program.partner where partner_id like 'SCALE%'
                """).update();
        jdbcClient.sql("""
                insert into program.contract (contract_id, partner_id, application_id, type, level, starts_on, ends_on,
                                              status, created_at)
                select 'SCALE-R-' || partner_id, partner_id, null, type, level, date '2025-06-01', date '2026-05-31',
                       'ENDED', now()
                from program.partner where partner_id like 'SCALE%' and hashtext(partner_id) % 2 = 0
                """).update();
    }
}
