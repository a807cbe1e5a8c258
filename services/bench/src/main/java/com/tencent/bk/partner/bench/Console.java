package com.tencent.bk.partner.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the bench prints while it runs: it is a command-line tool, stdout is its user interface. */
final class Console {

    private Console() {
    }

    static void step(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " == " + message);
    }

    static void progress(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "    " + message);
    }

    static void line(String message) {
        System.out.println(message);
    }
}
