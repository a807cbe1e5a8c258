package com.tencent.bk.partner.finder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.StoppableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anonymous callers are limited per client address: a client over its rate gets 429 with Retry-After, and
 * others are not affected. The flood comes from 127.0.0.2 (a loopback address of its own), so the other tests'
 * requests from 127.0.0.1 keep their budget. The limiter's clock stands still meanwhile: on a busy machine the
 * flood is slow enough for the refill to keep up with it.
 */
class FinderRateLimitTest extends FinderIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    FinderProperties properties;
    @Autowired
    StoppableClock clock;

    @AfterEach
    void timeGoesOn() {
        clock.run();
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersGoOn() throws IOException {
        InetAddress flooder = InetAddress.getByName("127.0.0.2");
        int burst = properties.rateLimit().burst();
        clock.stop();
        String refusal = null;
        int served = 0;
        for (int i = 0; i < burst * 2 && refusal == null; i++) {
            String response = get(flooder, "/api/public/partners?size=1");
            if (response.startsWith("HTTP/1.1 429")) {
                refusal = response;
            } else {
                assertThat(response).startsWith("HTTP/1.1 200");
                served++;
            }
        }
        assertThat(refusal).as("refused within twice the burst").isNotNull();
        assertThat(served).as("exactly the burst is served").isEqualTo(burst);
        String headers = refusal.toLowerCase(Locale.ROOT);
        assertThat(headers).contains("content-type: application/problem+json").containsPattern("retry-after: [1-9]");
        assertThat(refusal).contains("\"status\":429", "Too many requests");

        assertThat(get(flooder, "/api/public/partners/regions")).as("every public call counts").startsWith("HTTP/1.1 429");
        assertThat(get(flooder, "/partners/")).as("the page itself is not limited").startsWith("HTTP/1.1 200");
        assertThat(find("size", "1").getStatusCode().value()).as("another address").isEqualTo(200);
    }

    /** A plain HTTP/1.1 GET from this local address; the whole response as text. */
    private String get(InetAddress from, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
