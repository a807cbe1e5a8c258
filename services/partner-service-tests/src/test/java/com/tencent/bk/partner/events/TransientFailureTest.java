package com.tencent.bk.partner.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** Which failures are retried until they succeed rather than dead-lettered after a few attempts. */
class TransientFailureTest {

    private static RuntimeException fromTheEngine(String sqlState) {
        return new ProcessEngineException("wrapped", new SQLException("server said no", sqlState));
    }

    @Test
    void aDatabaseThatIsAwayOrContendedIsTransient() {
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("08006"))).as("connection lost").isTrue();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("40001"))).as("serialization failure").isTrue();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("40P01"))).as("deadlock").isTrue();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("57P01"))).as("server shut down (restart)").isTrue();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("57P03"))).as("server starting up").isTrue();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("53300"))).as("too many connections").isTrue();
        assertThat(KafkaConfiguration.isTransient(new OptimisticLockingException("collision"))).isTrue();
    }

    @Test
    void aBugOrABadValueIsNot() {
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("23505"))).as("unique violation").isFalse();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("22001"))).as("value too long").isFalse();
        assertThat(KafkaConfiguration.isTransient(fromTheEngine("X"))).as("malformed state").isFalse();
        assertThat(KafkaConfiguration.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
