// Starts the local stack once, runs every browser test file against it (E2E_BASE_URL, E2E_KAFKA_BOOTSTRAP), and
// stops it: one stack for all files instead of one per file. The test files still start their own stack when run
// alone without those variables (node --test tests/finder.test.mjs).
import { spawn } from 'node:child_process';
import { startService } from './tests/service.mjs';

const service = await startService();
let code = 1;
try {
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/'], {
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: service.baseUrl, E2E_KAFKA_BOOTSTRAP: service.kafkaBootstrap },
  });
  code = await new Promise((done) => tests.on('exit', (exitCode) => done(exitCode ?? 1)));
} finally {
  await service.stop();
}
process.exit(code);
