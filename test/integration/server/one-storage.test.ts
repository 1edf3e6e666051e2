/**
 * One storage per data folder: the running server publishes its Azurite's port in DATA_DIR, and the
 * CLI (`woonbegeleiding privacy purge`, `import dossiers`, with AZURITE_PORT=0) writes through that
 * Azurite: the API shows the change at once and a restart keeps it. A second server on the folder is
 * refused; a server started while a CLI command holds the folder waits for it. Real processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';
import { privacyMessages } from '../../../shared/messages/privacy';
import { brusselsDate } from '../../../shared/rules/calendar';
import { addDays } from '../../../shared/rules/dates';
import { readPublished, storageFile } from '../../../shared/store/data-folder';
import { productStore, startProduct, stopProduct, type Product } from '../../support/product';
import { freePort } from '../../support/net';

const root = path.resolve(__dirname, '../../..');

/** The environment of a user's shell: no storage settings of the test run. */
function localEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { AZURE_TABLES_CONNECTION_STRING: _cs, AZURE_TABLES_ENDPOINT: _endpoint, TABLE_PREFIX: _prefix, ...inherited } = process.env;
  return { ...inherited, DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'info', WOONBEGELEIDING_MODE: 'local', ...extra };
}

function cli(dataDir: string, ...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'woonbegeleiding.js'), ...argv], { cwd: root, env: localEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

async function api(product: Product, method: string, pathName: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${product.url}${pathName}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify({ tenantId: PLAYGROUND_TENANT, objectId: playgroundUser(0) }) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

/** Alex Wilber, the demo coordinator, signed in through the development sign-in. */
async function coordinatorToken(product: Product): Promise<string> {
  const { status, body } = await api(product, 'POST', '/api/dev/token');
  expect(status).toBe(200);
  return (body as { accessToken: string }).accessToken;
}

const tenantName = async (product: Product, token: string, dossierId: string) => {
  const { status, body } = await api(product, 'GET', `/api/dossiers/${dossierId}`, token);
  return status === 200 ? (body as { dossier: { tenant: { name: string } } }).dossier.tenant.name : `HTTP ${status}`;
};

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('one storage per data folder (server and CLI)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-one-storage-'));
  let product: Product | undefined;
  afterAll(async () => {
    await stopProduct(product);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('privacy purge and import dossiers with AZURITE_PORT=0 write through the running server\'s Azurite: the API shows it at once, a restart keeps it', async () => {
    product = await startProduct(dataDir);
    expect(readPublished(dataDir)).toMatchObject({ holder: 'server', pid: product.child.pid, port: product.azuritePort });

    const store = await productStore(product);
    const closed = (await store.forLandlord('vivendo').dossiers.listAll()).find((d) => d.closedOn !== undefined);
    if (!closed) throw new Error('the demo data has no closed trajectory');
    const token = await coordinatorToken(product);
    expect(await tenantName(product, token, closed.id)).toBe(closed.tenant.name);

    const purge = await cli(dataDir, 'privacy', 'purge', '--closed-before', addDays(brusselsDate(new Date()), 1), '--yes');
    expect(purge.err).toBe('');
    expect(purge.code).toBe(0);
    expect(purge.out).toMatch(/^Persoonsgegevens gewist uit \d+ dossier/);
    expect(await tenantName(product, token, closed.id)).toBe(privacyMessages.erased);

    const csv = path.join(dataDir, 'import.csv');
    writeFileSync(
      csv,
      [
        'nummer;soort;huurder;adres;aanmeldende_partner;begeleidende_partner;woonbegeleider;getekend_woonbegeleider;getekend_huurder;getekend_verhuurder;toestemming_op;toestemming_scope;start_huur;verlengingen',
        'AW-2026-901;AW;Test Eénopslag;;de-vaart;de-vaart;Sara;;;;;;;',
      ].join('\n'),
    );
    const imported = await cli(dataDir, 'import', 'dossiers', csv);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const dossier = await store.forLandlord('vivendo').dossiers.getByNumber('AW-2026-901');
    if (!dossier) throw new Error('the import did not reach the server\'s storage');
    expect(await tenantName(product, token, dossier.id)).toBe('Test Eénopslag');
    // The server's folder is still the server's: the commands never took it over.
    expect(readPublished(dataDir)).toMatchObject({ holder: 'server', pid: product.child.pid });

    await stopProduct(product);
    expect(existsSync(storageFile(dataDir))).toBe(false);
    product = await startProduct(dataDir);
    const again = await coordinatorToken(product);
    expect(await tenantName(product, again, closed.id)).toBe(privacyMessages.erased);
    expect(await tenantName(product, again, dossier.id)).toBe('Test Eénopslag');
  }, 240_000);

  it('a second server on the same data folder is refused with a Dutch message, and the first keeps running', async () => {
    if (!product) throw new Error('the first test starts the server');
    const second = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], { cwd: root, env: localEnv(dataDir, { PORT: String(await freePort()) }), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    second.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exited(second)).toBe(1);
    expect(err).toContain('Er draait al een Woonbegeleiding-server op de gegevensmap');
    expect((await fetch(`${product.url}/api/health`)).status).toBe(200);
    expect(readPublished(dataDir)).toMatchObject({ holder: 'server', pid: product.child.pid });
    await stopProduct(product);
    product = undefined;
  }, 120_000);

  it('with no server, a command starts its own Azurite on the folder and gives the folder free afterwards', async () => {
    const listed = await cli(dataDir, 'dossiers', '--json');
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('AW-2026-901');
    expect(existsSync(storageFile(dataDir))).toBe(false);
  }, 120_000);

  it('a server started while a command holds the folder waits for it, then starts on the same data', async () => {
    // A command in progress: a live process (a sleeping child) holds the folder.
    const command = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 600000)'], { stdio: 'ignore' });
    writeFileSync(storageFile(dataDir), JSON.stringify({ holder: 'cli', pid: command.pid, claim: 'a-command' }));
    const port = await freePort();
    const server = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], { cwd: root, env: localEnv(dataDir, { PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    server.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    try {
      // However long it takes to get there: it says it waits, and it has not taken the folder.
      while (!output.includes('the data folder is held by another process')) {
        if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(JSON.parse(readFileSync(storageFile(dataDir), 'utf8'))).toMatchObject({ holder: 'cli', claim: 'a-command' });
      expect(output).not.toContain('server listening');

      // The command ends and gives the folder free: the server goes on.
      unlinkSync(storageFile(dataDir));
      command.kill();
      while (!output.includes('server listening')) {
        if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(readPublished(dataDir)).toMatchObject({ holder: 'server', pid: server.pid });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      command.kill();
      server.kill('SIGINT');
      await exited(server);
    }
    expect(existsSync(storageFile(dataDir))).toBe(false);
  }, 180_000);
});
