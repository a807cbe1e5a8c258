package com.tencent.bk.partner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.infra.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksFreePortsOutsideTheKernelsEphemeralRangeAndNeverTheSameTwice() throws IOException {
        // below the ephemeral range where the kernel leaves room for it (Linux's default: 32768-60999)
        int[] range = FreePorts.range(FreePorts.ephemeralStart());
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(range[0], range[1] - 1);
            assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port)); // free indeed
            }
        }
    }

    @Test
    void aKernelThatLeavesNoRoomBelowItsEphemeralRangeGetsTheWholeUserRange() {
        assertThat(FreePorts.range(32_768)).containsExactly(10_000, 32_768);
        assertThat(FreePorts.range(1_024)).containsExactly(10_000, 65_536);
    }
}
