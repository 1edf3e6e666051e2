/**
 * The product's server as production runs it: compiled by `tsc -p tsconfig.build.json` into dist/ and
 * started with plain `node dist/shared/server/main.js` (no tsx), on the benchmark's store, in local
 * mode (development sign-in on loopback), without the scheduler and the demo seed. Its memory is what
 * peakRssMb reports.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../test/support/net';
import type { Served } from './flag-api';

const root = path.resolve(__dirname, '../..');
export const BUILT_MAIN = path.join('dist', 'shared', 'server', 'main.js');

/** Compiles the server (not the web bundles: the benchmark opens no page); answers how long it took. */
export async function buildServer(): Promise<number> {
  const started = Date.now();
  await promisify(execFile)(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  return Date.now() - started;
}

export async function serveBuilt(connectionString: string, tablePrefix: string): Promise<Served> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-bench-prod-'));
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd: root,
    env: {
      ...process.env,
      AZURE_TABLES_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: tablePrefix,
      WOONBEGELEIDING_MODE: 'local',
      SEED_DEMO: 'false',
      SCHEDULER_ENABLED: 'false',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`${BUILT_MAIN} exited with ${child.exitCode}`);
    if (Date.now() - started > 60_000) throw new Error(`${BUILT_MAIN}: not healthy within 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
