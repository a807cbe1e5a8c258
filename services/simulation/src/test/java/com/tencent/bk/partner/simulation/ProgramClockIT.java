package com.tencent.bk.partner.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.bench.EventSender;
import com.tencent.bk.partner.bench.LagMonitor;
import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The program clock of the service's {@code simulation} profile, through its endpoint, across a restart. */
class ProgramClockIT {

    @Test
    void movingTheClockPastAFeeDeadlineCancelsTheApplicationAndTheClockSurvivesARestart() {
        try (Stack stack = new Stack(Path.of("target", "program-clock").toAbsolutePath(), null);
             ReadOnlyDatabase db = new ReadOnlyDatabase(stack.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             LagMonitor lag = new LagMonitor(stack.bootstrapServers());
             EventSender sender = new EventSender(stack.bootstrapServers())) {
            ServiceHttp http = stack.startService();
            ProgramDays clock = new ProgramDays(lag, db);
            LocalDate start = LocalDate.of(2030, 1, 1);
            InboundEvents events = new InboundEvents(1);
            events.at(clock.moveTo(http, start));
            Population population = new Population(1);
            List<Population.Certificate> granted = new ArrayList<>();
            Random random = new Random(1);
            String partner = null;
            while (partner == null) { // the first ENTERPRISE company not drawn below its minimum
                granted.clear();
                population.create(1, random, start, granted::add);
                Population.Company company = population.companies().get(population.companies().size() - 1);
                if (company.type().equals("ENTERPRISE") && granted.size() >= 6) {
                    partner = company.id();
                }
            }
            sender.send(new EventGenerator(random, population, events).grants(granted, start), 0);
            assertThat(clock.awaitIdle(http)).isTrue();
            assertThat(http.apply(partner, "ENTERPRISE", "时钟科技有限公司 Clock")).isEqualTo(201);
            assertThat(clock.awaitIdle(http)).isTrue();
            work(http, db, "reviewer", "review-application");
            work(http, db, "manager", "approve-application");
            assertThat(clock.awaitIdle(http)).isTrue();
            String[] invoice = db.rows("select invoice_id, due_on, status from program.invoice where partner_id = ?",
                    partner).get(0);
            assertThat(invoice[2]).isEqualTo("OPEN");

            LocalDate dueOn = LocalDate.parse(invoice[1]);
            clock.moveTo(http, dueOn);
            assertThat(clock.awaitIdle(http)).isTrue();
            assertThat(status(db, "invoice", partner)).as("on its due date").isEqualTo("OPEN");
            clock.moveTo(http, dueOn.plusDays(1));
            assertThat(clock.awaitIdle(http)).isTrue();
            assertThat(status(db, "invoice", partner)).as("the day after its due date").isEqualTo("CANCELLED");
            assertThat(status(db, "partner", partner)).isEqualTo("REJECTED");

            stack.killService();
            http = stack.startService();
            assertThat(http.send("admin", "GET", "/api/simulation/clock", null).json().path("now").asText())
                    .as("the clock after a restart").isEqualTo(OffsetDateTime.of(dueOn.plusDays(1),
                            ProgramDays.MOMENT, ProgramDays.CHINA).toInstant().toString());
            assertThat(http.send("admin", "POST", "/api/simulation/clock", "{\"now\":\"2030-01-01T00:30:00+08:00\"}")
                    .status()).as("backwards").isEqualTo(409);
            assertThat(http.send("manager", "POST", "/api/simulation/clock",
                    "{\"now\":\"2031-01-01T00:30:00+08:00\"}").status()).as("not an administrator").isEqualTo(403);
        }
    }

    private static String status(ReadOnlyDatabase db, String table, String partner) {
        return db.rows("select status from program." + table + " where partner_id = ?", partner).get(0)[0];
    }

    private static void work(ServiceHttp http, ReadOnlyDatabase db, String user, String taskKey) {
        String task = db.rows("select id_ from act_ru_task where task_def_key_ = ?", taskKey).get(0)[0];
        assertThat(http.work(user, task, Map.of("approved", true), false)).isEqualTo(204);
    }
}
