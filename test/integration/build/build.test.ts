/**
 * `npm run build` gives what production runs with plain node: no tsx, no TypeScript. The build is
 * compiled into a temporary folder and started from there.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/net';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../../..');
const out = mkdtempSync(path.join(tmpdir(), 'wb-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));


describe('npm run build', () => {
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(out, 'dist')], { cwd: root });
    // The deployed layout: package.json and node_modules beside dist/.
    writeFileSync(path.join(out, 'package.json'), readFileSync(path.join(root, 'package.json')));
    symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'));
  }, 120_000);

  const { AZURE_TABLES_CONNECTION_STRING: _cs, ...env } = process.env;

  it('refuses a wrong setting with one clear line and exit code 1', async () => {
    const result = await promisify(execFile)(process.execPath, [path.join(out, 'dist/shared/server/main.js')], {
      env: { ...env, WOONBEGELEIDING_MODE: 'azure' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr.trim()).toBe('Configuration: AZURE_TABLES_ENDPOINT (or AZURE_TABLES_CONNECTION_STRING) is required in azure mode.');
  });

  it('starts with plain node, healthy, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(out, 'dist/shared/server/main.js')], {
      env: { ...env, PORT: String(port), AZURITE_PORT: '0', DATA_DIR: path.join(out, 'data'), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let status = 0;
    // No time bound of its own (a busy machine starts slowly): until healthy, or the process ended.
    while (status !== 200 && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
      status = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
    }
    expect(status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
