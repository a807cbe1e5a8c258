package com.tencent.bk.partner.events;

import java.util.List;

/**
 * A record that cannot be understood: it goes unchanged to the dead-letter topic with these reasons and is
 * never retried, since no retry can make it valid.
 */
public class InvalidEventException extends RuntimeException {

    private final List<String> reasons;

    public InvalidEventException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public InvalidEventException(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
