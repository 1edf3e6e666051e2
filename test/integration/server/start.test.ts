/**
 * `npm start` as a user runs it: the process starts Azurite with its data in DATA_DIR, seeds the
 * demo data into the empty store, answers /api/health; SIGINT stops it and Azurite; a restart keeps
 * the data (no second seed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/net';

const root = path.resolve(__dirname, '../../..');


interface Running {
  child: ChildProcess;
  logs: () => Record<string, unknown>[];
}

function start(env: Record<string, string>): Running {
  // Without storage settings (jest's own Azurite is in the environment): the product starts its own.
  const { AZURE_TABLES_CONNECTION_STRING: _cs, AZURE_TABLES_ENDPOINT: _endpoint, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const logs = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, logs };
}

async function healthy(port: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not healthy in time');
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start (shared/server/main.ts)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts healthy with demo data, stops Azurite on SIGINT, and keeps the data across a restart', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'info' };

    const first = start(env);
    await healthy(port, 30_000);
    const seeded = first.logs().find((l) => l.msg === 'demo data seeded into the empty store');
    expect(seeded).toMatchObject({ seeded: true, partners: 4, dossiers: 32 });
    const azurite = first.logs().find((l) => typeof l.location === 'string');
    expect(azurite?.location).toBe(path.join(dataDir, 'azurite'));
    const azuritePid = Number(azurite?.pid);

    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);
    expect(first.logs().some((l) => l.msg === 'stopped')).toBe(true);
    expect(isAlive(azuritePid)).toBe(false);

    const second = start(env);
    await healthy(port, 30_000);
    expect(second.logs().some((l) => l.msg === 'demo data seeded into the empty store')).toBe(false);
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  }, 90_000);
});
