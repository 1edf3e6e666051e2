/**
 * The whole product as `npm start` runs it (node -r tsx/cjs shared/server/main.ts), for browser tests: its own
 * Azurite in `dataDir`, on free ports, without the test run's storage settings. Resolves when
 * /api/health answers 200, with the Azurite port read from the product's own log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createStore, type Store } from '../../shared/store';
import { azuriteConnectionString } from '../../shared/store/azurite';
import { freePort } from './net';

const root = path.resolve(__dirname, '../..');

export interface Product {
  child: ChildProcess;
  url: string;
  azuritePort: number;
  output: () => string;
}

export async function startProduct(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Product> {
  const port = await freePort();
  const { AZURE_TABLES_CONNECTION_STRING: _cs, AZURE_TABLES_ENDPOINT: _endpoint, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'info', WOONBEGELEIDING_MODE: 'local', ...extraEnv };
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`the product exited:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      const logs = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { port?: number; location?: string });
      const azuritePort = logs.find((l) => typeof l.location === 'string')?.port;
      if (!azuritePort) throw new Error('no Azurite port in the logs');
      return { child, url, azuritePort, output: () => output };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGINT');
  throw new Error(`the product did not get healthy:\n${output}`);
}

/** Stops it as Ctrl-C does (Azurite writes its data) and waits for the process to end. */
export async function stopProduct(product: Product | undefined): Promise<void> {
  if (!product || product.child.exitCode !== null) return;
  const exited = new Promise((resolve) => product.child.once('exit', resolve));
  product.child.kill('SIGINT');
  await exited;
}

/** The product's own storage (its Azurite, its table prefix), to arrange data and check results. */
export const productStore = (product: Product): Promise<Store> =>
  createStore({ connection: { connectionString: azuriteConnectionString(product.azuritePort) }, tablePrefix: 'wb' });
