package com.tencent.bk.partner.bench;

/** The baselines as measured at one moment of the run ({@code before}: the scenario that followed). */
record BaselineSnapshot(String before, BaselineResult commit, BaselineResult start, BaselineResult correlate) {

    BaselineResult engine(String operation) {
        return operation.equals("correlate") ? correlate : start;
    }

    String describe() {
        return String.format("commit %,.0f/s, Camunda start %,.0f/s, correlate %,.0f/s", commit.perSecond(),
                start.perSecond(), correlate.perSecond());
    }
}
