/**
 * Microsoft's own add-in tooling on the built manifests, offline:
 * - `office-addin-manifest validate manifest.json` validates the unified manifest against the schema
 *   bundled with @microsoft/app-manifest, with no network (exit 0 and no output means valid).
 * - `office-addin-manifest validate outlook-addin.xml` would POST the XML to Microsoft's validation
 *   service (validationgateway.omex.office.net): not possible offline, so it is not run here. What
 *   runs offline for the XML is `office-addin-manifest info` (Microsoft's XML reader) and the
 *   structural and consistency checks in addin-xml.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildInTemp, productionEnv, repositoryRoot } from './helpers';
import type { AppPackage } from '../../../manifest/build';

const cli = path.join(repositoryRoot, 'node_modules/office-addin-manifest/cli.js');

function officeAddinManifest(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `office-addin-manifest info` prints "  Key: value" lines. */
function info(file: string): Record<string, string> {
  const { status, output } = officeAddinManifest('info', file);
  expect(status).toBe(0);
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^\s+([^:]+):\s?(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] as string, (m[2] as string).trim()]),
  );
}

describe('office-addin-manifest on the built package', () => {
  let pkg: AppPackage;

  beforeAll(async () => {
    pkg = (await buildInTemp({ ...productionEnv })).pkg;
  });

  it('validates the unified manifest.json offline', () => {
    const { status, output } = officeAddinManifest('validate', pkg.manifestPath);
    expect(output).not.toMatch(/not valid|Error/i);
    expect(status).toBe(0);
  });

  it('reports an invalid manifest.json (exit 1), so the check above means something', () => {
    const manifest = JSON.parse(readFileSync(pkg.manifestPath, 'utf8')) as { extensions: { runtimes: { code: { page: string } }[] }[] };
    (manifest.extensions[0] as { runtimes: { code: { page: string } }[] }).runtimes[0]!.code.page = 'taskpane.html';
    const broken = path.join(pkg.outDir, 'broken-manifest.json');
    writeFileSync(broken, JSON.stringify(manifest));
    const { status, output } = officeAddinManifest('validate', broken);
    expect(status).toBe(1);
    expect(output).toMatch(/code\/page/);
    expect(output).toMatch(/The manifest is not valid/);
  });

  it('reads the same add-in from the unified and the XML manifest (office-addin-manifest info)', () => {
    const json = info(pkg.manifestPath);
    const xml = info(pkg.addinXmlPath);
    expect(xml.Type).toBe('MailApp');
    expect(xml.Id).toBe(json.Id);
    expect(xml.Id).toBe(productionEnv.TEAMS_APP_ID);
    expect(xml.Name).toBe(json.Name);
    expect(xml.Provider).toBe(json.Provider);
    expect(xml.Description).toBe(json.Description);
    expect(xml['Default Locale']).toBe(json['Default Locale']);
    expect(xml['Support Url']).toBe(json['Support Url']);
    expect(xml.Version).toBe(`${json.Version}.0`);
    expect(xml.Hosts).toBe('Mailbox');
    expect(json.Hosts).toBe('mail');
    expect(xml.Permissions).toBe('ReadWriteItem');
    expect(json.Permissions).toBe('MailboxItem.ReadWrite.User');
  });
});
