package com.tencent.bk.partner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one {@code kB} field of {@code /proc/<pid>/status}; 0 when the process or field is gone. */
final class ProcStatus {

    private ProcStatus() {
    }

    static long kib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
