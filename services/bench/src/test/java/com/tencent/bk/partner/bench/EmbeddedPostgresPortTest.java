package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencent.bk.partner.infra.EmbeddedPostgresServer;
import com.tencent.bk.partner.infra.FreePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded PostgreSQL whose port another PostgreSQL already serves does not pass that one off as itself: the
 * library counts a server as up once something on its port answers, which once ran one test JVM against the
 * other's database.
 */
class EmbeddedPostgresPortTest {

    @Test
    void aPortServedByAnotherPostgresqlIsAnErrorNotThatServer(@TempDir Path first, @TempDir Path second) {
        int port = FreePorts.pick();
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(first, port, false)) {
            assertThat(running.port()).isEqualTo(port);

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(second, port, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " is served by another PostgreSQL");
        }
    }
}
