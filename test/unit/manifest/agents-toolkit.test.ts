/**
 * The Microsoft 365 Agents Toolkit project (m365agents.yml, m365agents.local.yml, env/, appPackage/,
 * .vscode/) and `npm run package` use one manifest template and one pair of icons: appPackage/. The
 * toolkit itself cannot run here (it signs in to Microsoft 365 and Azure); these checks are what can be
 * known offline: every placeholder of the template has a value in each environment (from its env file
 * or from an earlier step of that lifecycle), every path a step names exists, and the package script
 * fills the same placeholders.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { APP_PACKAGE_DIR, MANIFEST_TEMPLATE, renderManifest, templateValues } from '../../../manifest/build';
import { colourIconPng, outlineIconPng } from '../../../manifest/icons';
import { loadPackageConfig } from '../../../manifest/config';
import { SIGN_IN_PAGE_FILE } from '../../../addin/web/page';
import { productionEnv, repositoryRoot } from './helpers';

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
type Lifecycle = Record<'provision' | 'deploy' | 'publish', Step[] | undefined> & { version: string; environmentFolderPath: string };

const read = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z0-9_:]+)\s*\}\}/g)].map((m) => m[1] as string))].sort();

/** KEY=VALUE lines of a toolkit env file (comments and blank lines skipped). */
function envFile(file: string): Map<string, string> {
  const entries = read(file)
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]);
  return new Map(entries);
}

/** Bicep outputs in upper case: arm/deploy writes them into the env file under their own names. */
const bicepOutputs = (): string[] => [...read('infra/main.bicep').matchAll(/^output ([A-Z_]+) /gm)].map((m) => m[1] as string);

/** The names a lifecycle writes before its step number `before` (writeToEnvironmentFile, env files, ARM outputs). */
function writtenBefore(steps: Step[], before: number): Set<string> {
  const names = new Set<string>();
  for (const step of steps.slice(0, before)) {
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) names.add(name);
    if (step.uses === 'arm/deploy') for (const name of bicepOutputs()) names.add(name);
    if (step.uses === 'file/createOrUpdateEnvironmentFile' && String(step.with?.target).startsWith('./env/')) {
      for (const name of Object.keys((step.with?.envs as Record<string, string>) ?? {})) names.add(name);
    }
  }
  return names;
}

/** Built-in names the toolkit sets itself. */
const BUILT_IN = ['TEAMSFX_ENV', 'TEAMS_APP_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];

const LIFECYCLES = [
  { file: 'm365agents.yml', env: 'env/.env.dev' },
  { file: 'm365agents.local.yml', env: 'env/.env.local' },
] as const;

describe('appPackage/: the one manifest template and icons', () => {
  it('holds the template the package script fills, with the toolkit placeholders', () => {
    expect(MANIFEST_TEMPLATE).toBe(path.join(repositoryRoot, 'appPackage', 'manifest.json'));
    const template = read('appPackage/manifest.json');
    // The old {{NAME}} syntax would pass through the toolkit unfilled.
    expect(template.replace(/\$\{\{/g, '')).not.toMatch(/\{\{/);
    const values = templateValues(loadPackageConfig({ ...productionEnv }));
    const missing = placeholders(template).filter((name) => !(name in values));
    expect(missing).toEqual([]);
    expect(JSON.stringify(renderManifest(loadPackageConfig({ ...productionEnv })))).not.toContain('${{');
  });

  it('holds the icons the manifest names, as manifest/icons.ts draws them', () => {
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { icons: { color: string; outline: string } };
    expect(readFileSync(path.join(APP_PACKAGE_DIR, manifest.icons.color)).equals(colourIconPng(192))).toBe(true);
    expect(readFileSync(path.join(APP_PACKAGE_DIR, manifest.icons.outline)).equals(outlineIconPng(32))).toBe(true);
  });

  it('is the only manifest template in the repository', () => {
    expect(existsSync(path.join(repositoryRoot, 'manifest', 'manifest.template.json'))).toBe(false);
  });
});

describe.each(LIFECYCLES)('$file', ({ file, env }) => {
  const lifecycle = parse(read(file)) as Lifecycle;
  const envValues = envFile(env);
  const provision = lifecycle.provision ?? [];

  it('names a toolkit schema version and the env folder', () => {
    expect(lifecycle.version).toBe('v1.11');
    expect(lifecycle.environmentFolderPath).toBe('./env');
    expect(read(file)).toMatch(/^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json/);
  });

  it('zips appPackage/manifest.json, validates the zip, then updates the app with it', () => {
    const uses = provision.map((s) => s.uses);
    const zip = provision.find((s) => s.uses === 'teamsApp/zipAppPackage');
    expect(zip?.with?.manifestPath).toBe('./appPackage/manifest.json');
    const zipPath = zip?.with?.outputZipPath;
    expect(provision.find((s) => s.uses === 'teamsApp/validateAppPackage')?.with?.appPackagePath).toBe(zipPath);
    expect(uses.indexOf('teamsApp/zipAppPackage')).toBeLessThan(uses.indexOf('teamsApp/validateAppPackage'));
    expect(uses.indexOf('teamsApp/validateAppPackage')).toBeLessThan(uses.indexOf('teamsApp/update'));
    expect(uses).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update']));
  });

  it('has a value for every placeholder of the manifest template by the time it zips it', () => {
    const zipAt = provision.findIndex((s) => s.uses === 'teamsApp/zipAppPackage');
    const known = new Set([...envValues.keys(), ...writtenBefore(provision, zipAt), ...BUILT_IN]);
    expect(placeholders(read('appPackage/manifest.json')).filter((name) => !known.has(name))).toEqual([]);
  });

  it('has a value for every placeholder of the Entra manifest of the API by the time it applies it', () => {
    const updateAt = provision.findIndex((s) => s.uses === 'aadApp/update');
    const manifestPath = String(provision[updateAt]?.with?.manifestPath);
    const known = new Set([...envValues.keys(), ...writtenBefore(provision, updateAt), ...BUILT_IN]);
    expect(placeholders(read(manifestPath)).filter((name) => !known.has(name))).toEqual([]);
  });

  it('names only files that exist', () => {
    const paths = [...provision, ...(lifecycle.deploy ?? []), ...(lifecycle.publish ?? [])].flatMap((s) => [
      s.with?.manifestPath,
      ...((s.with?.templates as { path: string; parameters: string }[] | undefined) ?? []).flatMap((t) => [t.path, t.parameters]),
      s.with?.ignoreFile,
    ]);
    for (const p of paths.filter((x): x is string => typeof x === 'string')) expect([p, existsSync(path.join(repositoryRoot, p))]).toEqual([p, true]);
  });
});

describe('the Entra manifest of the API (infra/entra/addin-api.aad.manifest.json)', () => {
  const manifest = read('infra/entra/addin-api.aad.manifest.json');

  it('carries the brokered redirect URI of nested app authentication and v2 tokens with access_as_user', () => {
    const parsed = JSON.parse(manifest) as { spa: { redirectUris: string[] }; api: { requestedAccessTokenVersion: number; oauth2PermissionScopes: { value: string }[] }; identifierUris: string[] };
    expect(parsed.spa.redirectUris).toContain('brk-multihub://${{APP_HOSTNAME}}');
    // The sign-in dialog's page, where Entra sends the user back (addin/web/sign-in-page.ts).
    expect(parsed.spa.redirectUris).toContain(`\${{APP_BASE_URL}}/addin/${SIGN_IN_PAGE_FILE}`);
    // The server checks the v2 issuer, the audience (api://host/id) and the scope (addin/server/auth).
    expect(parsed.api.requestedAccessTokenVersion).toBe(2);
    expect(parsed.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
    expect(parsed.identifierUris).toEqual(['api://${{APP_HOST}}/${{ADDIN_APP_ID}}']);
  });
});

describe('the Bicep parameters of the toolkit (infra/main.parameters.m365agents.json)', () => {
  it('gives every required parameter of infra/main.bicep, from env/.env.dev or provision', () => {
    const text = read('infra/main.parameters.m365agents.json');
    const filled = text.replace(/\$\{\{PARTNER_TENANT_IDS\}\}/, '[]').replace(/\$\{\{([A-Z_]+)\}\}/g, 'x');
    const parameters = Object.keys((JSON.parse(filled) as { parameters: Record<string, unknown> }).parameters);
    const required = [...read('infra/main.bicep').matchAll(/^param (\w+) \w+\s*$/gm)].map((m) => m[1]);
    expect(required.filter((name) => !parameters.includes(name as string))).toEqual([]);
    const provision = (parse(read('m365agents.yml')) as Lifecycle).provision ?? [];
    const armAt = provision.findIndex((s) => s.uses === 'arm/deploy');
    const known = new Set([...envFile('env/.env.dev').keys(), ...writtenBefore(provision, armAt)]);
    expect(placeholders(text).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('.vscode', () => {
  it('debugs in the Agents Playground and in Teams', () => {
    const launch = read('.vscode/launch.json');
    expect(launch).toContain('"Debug in the Agents Playground"');
    expect(launch).toContain('"Debug in Teams (Edge)"');
    const tasks = read('.vscode/tasks.json');
    expect(tasks).toContain('npm run playground');
    expect(tasks).toMatch(/"command": "provision"[\s\S]*"env": "local"/);
  });
});
