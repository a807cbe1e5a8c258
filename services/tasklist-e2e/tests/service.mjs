// The service under test: scripts/run-local's stack (embedded PostgreSQL and Kafka, profile "local" with its demo
// users) from services/local-stack/target/local-stack.jar, on free ports and a fresh data folder under target/.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const targetDir = resolve(moduleDir, 'target');

/**
 * A free port below the kernel's ephemeral range: the stack binds it only later, and a port from bind(0) lies in
 * the range every outgoing connection of the other modules' tests takes its local port from (FreePorts.java says
 * more).
 */
async function freePort() {
  const [from, to] = portRange;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (!handedOut.has(port) && await bindable(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${from}-${to - 1}`);
}

/** [from, to): below the ephemeral range, or the whole user range when the kernel leaves no room below it. */
const portRange = (() => {
  let ephemeralStart = 32768;
  try {
    ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    // not Linux: its default
  }
  return ephemeralStart - 10000 >= 2000 ? [10000, ephemeralStart] : [10000, 65536];
})();
const handedOut = new Set();

function bindable(port) {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once('error', () => done(false));
    server.listen(port, () => server.close(() => done(true)));
  });
}

export const users = {
  website: 'website-local',
  reviewer: 'reviewer-local',
  manager: 'manager-local',
  lead: 'lead-local',
};

/** Starts the service; `name` keeps each test file's data folder and log apart (target/e2e-data-<name>, …). */
export async function startService(name = '') {
  const suffix = name ? `-${name}` : '';
  const jar = resolve(moduleDir, '..', 'local-stack', 'target', 'local-stack.jar');
  const data = resolve(targetDir, `e2e-data${suffix}`);
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const [http, postgres, kafka] = [await freePort(), await freePort(), await freePort()];
  const logName = `e2e-service${suffix}.log`;
  const log = openSync(resolve(targetDir, logName), 'w');
  // C1 only and the serial collector: a stack that lives a few minutes beside the rest of the build spends less on
  // the C2 compiler and GC threads than they would win (its CPU in a clean-clone build: 136 s before, 64 s after).
  // The service on the bean definitions Spring AOT generated at build, as its image runs it: the webapps the
  // journeys drive are those production serves (docs/operations.md#quicker-starts-spring-aot)
  const child = spawn(process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, 'bin', 'java') : 'java',
    ['-Xmx512m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Dspring.aot.enabled=true', '-jar', jar], {
      env: { ...process.env, BK_LOCAL_DATA: data, BK_LOCAL_PG_PORT: `${postgres}`, BK_LOCAL_KAFKA_PORT: `${kafka}`,
        BK_HTTP_PORT: `${http}`, BK_ADMIN_PASSWORD: 'admin-local' },
      stdio: ['ignore', log, log],
    });
  const baseUrl = `http://localhost:${http}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}; see target/${logName}`);
    if (Date.now() > deadline) {
      // SIGTERM first: the stack's shutdown hook stops its PostgreSQL, which SIGKILL would leave running
      child.kill('SIGTERM');
      const killAt = Date.now() + 30_000;
      while (child.exitCode === null && child.signalCode === null && Date.now() < killAt) {
        await new Promise((r) => setTimeout(r, 500));
      }
      child.kill('SIGKILL');
      throw new Error(`the service was not up after 4 minutes; see target/${logName}`);
    }
    try {
      const health = await fetch(`${baseUrl}/actuator/health`);
      if (health.ok && (await health.json()).status === 'UP') break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    kafkaBootstrap: `localhost:${kafka}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { child.once('exit', r); setTimeout(r, 30_000); });
    },
  };
}

/** The service's HTTP API as one of the local users (Basic auth). */
export function api(baseUrl, user) {
  const auth = 'Basic ' + Buffer.from(`${user}:${users[user]}`).toString('base64');
  return async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** A valid unified social credit code (GB 32100-2015 check character), unique per call. */
let counter = 0;
export function newPartnerId() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const unique = (Date.now() * 100 + (counter++ % 100)).toString().slice(-9).padStart(9, '0');
  const first17 = '91350100' + unique;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * weights[i];
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/**
 * The CloudEvents of one type on a topic of the service's broker, read with the project's own scripts/kafka-read
 * (Kafka's console consumer), as parsed JSON.
 */
export async function readEvents(bootstrap, topic, type) {
  const { execFile } = await import('node:child_process');
  const script = resolve(moduleDir, '..', '..', 'scripts', 'kafka-read');
  const output = await new Promise((done, fail) => execFile(script, [topic], {
    env: { ...process.env, BK_KAFKA_BOOTSTRAP: bootstrap }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000,
  }, (error, stdout) => (error && !stdout ? fail(error) : done(stdout))));
  return output.split('\n').map((line) => line.slice(line.indexOf('\t') + 1)).filter((value) => value.startsWith('{'))
    .map((value) => JSON.parse(value)).filter((event) => event.type === type);
}

export async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
