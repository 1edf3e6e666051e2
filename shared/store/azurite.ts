/**
 * Azurite (the local Table storage emulator) as a child process: `require('azurite')` does not load
 * outside VS Code, so it runs as `node .../table/main.js`. Stopped with SIGINT, on which it writes
 * its database file (it otherwise flushes only every ~5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The emulator's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const azuriteConnectionString = (port: number, host = '127.0.0.1'): string =>
  `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://${host}:${port}/${ACCOUNT};`;

export interface AzuriteOptions {
  /** Folder for `__azurite_db_table__.json`; ignored with `inMemory`. */
  location?: string;
  inMemory?: boolean;
  /** A free port is chosen when absent. */
  port?: number;
  startTimeoutMs?: number;
}

export interface RunningAzurite {
  connectionString: string;
  port: number;
  pid: number | undefined;
  /** SIGINT (Azurite 3.35 flushes its database on SIGINT, not on SIGTERM), wait for the exit (data flushed), SIGKILL after a timeout. Idempotent. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const mainJs = (): string => path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  // A free port can be taken between the probe and the start: try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(options.port ?? (await freePort()), options);
    } catch (err) {
      if (options.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startOn(port: number, options: AzuriteOptions): Promise<RunningAzurite> {
  const args = [mainJs(), '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry', '--silent'];
  if (options.inMemory) args.push('--inMemoryPersistence');
  else {
    const location = path.resolve(options.location ?? path.join(process.cwd(), '.data', 'azurite'));
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  }
  // Its own process group: a Ctrl-C in the terminal must not reach it directly. Azurite shuts down
  // (and writes its data) on the first SIGINT but dies at once on a second one, and stop() sends one.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // If this process exits without stop(), do not leave an orphan emulator behind.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await waitUntilListening(child, options.startTimeoutMs ?? 15_000);
  } catch (err) {
    child.kill('SIGKILL');
    process.removeListener('exit', onExit);
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    connectionString: azuriteConnectionString(port),
    port,
    pid: child.pid,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.slice(-500)}`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const onErr = (chunk: Buffer) => void (output += chunk.toString());
    const onData = (chunk: Buffer) => {
      onErr(chunk);
      if (/successfully (started|listening)/i.test(output)) {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        child.stderr?.removeListener('data', onErr);
        // Keep draining its output so a full pipe never blocks the emulator.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onErr);
    child.once('exit', (code, signal) => fail(new Error(`Azurite exited during start (${code ?? signal}): ${output.slice(-500)}`)));
  });
}
