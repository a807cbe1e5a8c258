package com.tencent.bk.partner.bench;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The fault tests that need no stack to themselves, one after the other in one test JVM on one PostgreSQL, broker
 * and service ({@link SharedStack}): two service starts, brokers and databases fewer than a stack each. The build
 * runs this suite, not the classes one by one (the failsafe configuration in {@code pom.xml} excludes them);
 * {@code -Dit.test=HardKillFaultIT} still runs one alone, on a stack of its own.
 */
@Suite
@SelectClasses({DemoIT.class, InfrastructureRestartFaultIT.class, HardKillFaultIT.class})
class SharedStackFaultsIT {
}
