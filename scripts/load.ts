/**
 * `node -r tsx/cjs scripts/load.ts [--seconds 60] [--users 200]`: the load run (scripts/load/run.ts)
 * against an in-memory Azurite and the real server on loopback. Prints readable results and one JSON
 * line; exits 1 when a request got a 5xx or a flag was lost or duplicated.
 */
import { brusselsDate } from '../shared/rules/calendar';
import { createStore, startAzurite } from '../shared/store';
import { runLoad } from './load/run';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: a positive number`);
  return value;
}

async function main(): Promise<void> {
  const seconds = option('seconds', 60);
  const users = option('users', 200);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Load run on ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}`);
  const azurite = await startAzurite({ inMemory: true });
  try {
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, tablePrefix: 'load' });
    const result = await runLoad({ store, users, seconds, today: brusselsDate(new Date().toISOString()), say });
    say(`${result.requests} requests in ${seconds} s (${result.rps}/s), latency p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`);
    say(`answers: ${Object.entries(result.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    say(`in storage: ${result.activeFlags} active flags; lost ${result.lost}, duplicated ${result.duplicated}, confirmed without audit entry ${result.missingAudit}; 5xx ${result.serverErrors}`);
    say(JSON.stringify({ load: result, node: process.version }));
    if (result.serverErrors > 0 || result.lost > 0 || result.duplicated > 0) process.exitCode = 1;
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
