package com.tencent.bk.partner.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for servers that must not clash with anything: the build runs the service's tests (two JVMs),
 * the simulation, the bench's smoke and fault tests and the browser tests' stack side by side, each with its own
 * PostgreSQL, broker and service.
 *
 * <p>A port is picked now and bound later, by another process (PostgreSQL, a broker, the service). A port the
 * kernel hands out for {@code bind(0)} lies in its ephemeral range, the same range every outgoing connection takes
 * its local port from: with several modules' clients connecting meanwhile, one of them could take the port before
 * its owner binds it, or another JVM be handed the same port (a fault-test broker once failed with "Address
 * already in use" and left the service waiting six minutes for it; two test JVMs' PostgreSQL servers once got the
 * same port, and the second JVM's tests ran against the first one's server). So ports are picked at random below that range, where the kernel never assigns one by
 * itself, and only if nothing listens there now.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Above the registered ports most local services use (5432, 8080, 9092 …). */
    private static final int LOWEST = 10_000;
    /** Where Linux's ephemeral range starts by default. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** Where to pick: read once, the kernel's range does not change under a running build. */
    private static final int[] RANGE = range(ephemeralStart());

    private FreePorts() {
    }

    public static synchronized int pick() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(RANGE[0], RANGE[1]);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + RANGE[0] + "-" + (RANGE[1] - 1));
    }

    /** @return [from, to) below the ephemeral range, or the whole user range when the kernel leaves none below */
    public static int[] range(int ephemeralStart) {
        return ephemeralStart - LOWEST >= 2_000 ? new int[] {LOWEST, ephemeralStart} : new int[] {LOWEST, 65_536};
    }

    public static int ephemeralStart() {
        // read line by line: Files.readString trusts the size /proc reports for its files and returns a part
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** Whether nothing listens on the port, on any address. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
