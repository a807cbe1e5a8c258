/**
 * The program clock of a simulation (profile {@code simulation}, off in production): the engine clock
 * ({@code ClockUtil}, which {@code ProgramClock} reads) is set by the simulation through
 * {@code POST /api/simulation/clock} (administrators only), moves forward only, is kept in
 * {@code program.simulation_clock} across restarts, and each program day it crosses runs what that day would
 * have run: due timers and async jobs, and the daily tier sweep.
 * <p>
 * The profile refuses to start unless {@code partner.simulation.enabled=true} is set too and the {@code local}
 * profile (demo users, embedded infrastructure) is active, and never beside a profile named {@code prod} or
 * {@code production} ({@link SimulationGuard}).
 */
package com.tencent.bk.partner.simulation;
