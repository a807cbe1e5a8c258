package com.tencent.bk.partner.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the bench prints while it runs: it is a command-line tool, stdout is its user interface. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void step(String message) {
        System.out.println(TIME.format(LocalTime.now()) + " == " + message);
    }

    static void progress(String message) {
        System.out.println(TIME.format(LocalTime.now()) + "    " + message);
    }

    static void line(String message) {
        System.out.println(message);
    }
}
