/**
 * `npm run bench`: figures anyone can reproduce on this machine. Azurite in memory, the real server
 * on loopback, 10,000 dossiers over 50 partners. Prints readable results, then one JSON line.
 * Each ratio compares against a baseline measured in the same run, so a noisy machine shows as noise
 * in both, not as a regression.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brusselsDate } from '../../shared/rules/calendar';
import { createServiceContext } from '../../shared/services/context';
import { getAgenda } from '../../shared/services/get-agenda';
import { createStore, startAzurite, type Store } from '../../shared/store';
import { freePort } from '../../test/support/net';
import { benchUsers, LANDLORD, MEASURED_PARTNER, seedDirectory, seedDossiers } from './world';

const root = path.resolve(__dirname, '../..');
const results: Record<string, unknown> = {};
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Storage requests of one agenda of partner p01 (its 20 dossiers), whatever the total. */
async function agendaRequests(store: Store, now: string): Promise<number> {
  const member = benchUsers().find((u) => u.partnerId === MEASURED_PARTNER)!;
  const ctx = createServiceContext({ store, landlord: LANDLORD, user: member, now });
  await getAgenda(ctx); // warm: the first call may create nothing, but keep the measure clean
  const before = store.requestCount();
  await getAgenda(ctx);
  return store.requestCount() - before;
}

/** `npm start`'s process (node -r tsx/cjs bot/main.ts) until /api/health answers 200. */
async function coldStart(): Promise<{ ms: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-bench-start-'));
  const port = await freePort();
  const { AZURE_TABLES_CONNECTION_STRING: _cs, ...env } = process.env;
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'bot/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) return { ms: Date.now() - started };
      if (Date.now() - started > 60_000) throw new Error('not healthy within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const now = new Date().toISOString();
  const today = brusselsDate(now);
  say(`Benchmark on ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}`);

  const azurite = await startAzurite({ inMemory: true });
  try {
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, tablePrefix: 'bench' });
    await seedDirectory(store);

    let t = Date.now();
    await seedDossiers(store, 0, 1_000, today);
    say(`seeded 1,000 dossiers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const at1000 = await agendaRequests(store, now);

    t = Date.now();
    await seedDossiers(store, 1_000, 10_000, today);
    say(`seeded 10,000 dossiers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const at10000 = await agendaRequests(store, now);
    results.storageRequestsPerCommand = { at1000, at10000 };
    say(`agenda of one partner (20 dossiers): ${at1000} storage requests at 1,000 dossiers in total, ${at10000} at 10,000`);
  } finally {
    await azurite.stop();
  }

  const cold = await coldStart();
  results.coldStartMs = cold.ms;
  say(`cold start (npm start to a healthy /api/health, empty data folder, demo seed included): ${cold.ms} ms`);

  say(JSON.stringify({ ...results, node: process.version, at: now }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
