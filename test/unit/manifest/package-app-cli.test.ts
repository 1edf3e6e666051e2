/**
 * scripts/package-app.ts as IT runs it: prints the zip's path and nothing else on stdout; a bad
 * setting exits with code 2 and one clear line on stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { productionEnv, repositoryRoot } from './helpers';

const tsxCli = path.join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs');
const script = path.join(repositoryRoot, 'scripts/package-app.ts');

/** Runs the script with only these settings (plus PATH/HOME), so the caller's environment cannot leak in. */
function run(env: Record<string, string>, outDir = mkdtempSync(path.join(tmpdir(), 'woonbegeleiding-cli-'))) {
  const result = spawnSync(process.execPath, [tsxCli, script, '--out', outDir], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

describe('scripts/package-app.ts', () => {
  it('prints only the zip path with production settings', () => {
    const { status, stdout, stderr, outDir } = run({ ...productionEnv });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(`${path.join(outDir, 'woonbegeleiding-1.2.3.zip')}\n`);
    expect(existsSync(stdout.trim())).toBe(true);
  });

  it('works with no settings, and warns on stderr that the ids are demo ids', () => {
    const { status, stdout, stderr } = run({});
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/woonbegeleiding-\d+\.\d+\.\d+\.zip$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Warning: TEAMS_APP_ID, BOT_APP_ID, ADDIN_APP_ID not set/);
  });

  it.each([
    ['APP_BASE_URL', 'http://woonbegeleiding.vivendo.be'],
    ['BOT_APP_ID', 'not-a-guid'],
    ['ADDIN_APP_ID', '{9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d}'],
  ])('exits 2 with one line naming %s when it is %s', (name, value) => {
    const { status, stdout, stderr } = run({ ...productionEnv, [name]: value });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration: ${name} `));
    expect(lines[0]).toContain(value);
  });
});
