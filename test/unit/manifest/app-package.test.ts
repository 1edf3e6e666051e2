/**
 * The app package (`npm run package`): the unified manifest validates offline against the schema
 * that @microsoft/app-manifest bundles, carries the bot, tab, permissions and Outlook add-in, and
 * the zip holds exactly the manifest and its two icons.
 */
import { VOCABULARY } from '../../../bot/teams/commands/parse';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { RIBBON_ICON_SIZES } from '../../../manifest/icons';
import { readPngHeader } from '../../../manifest/png';
import { DEMO_IDS, loadPackageConfig } from '../../../manifest/config';
import { MAILBOX_MIN_VERSION, ZIP_ENTRIES } from '../../../manifest/build';
import { buildInTemp, decodeRgbaPng, productionEnv, repositoryRoot, validateAgainstBundledSchema } from './helpers';

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const readJson = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** Every string value in a JSON tree, with its path. */
function strings(node: unknown, at = ''): [string, string][] {
  if (typeof node === 'string') return [[at, node]];
  if (Array.isArray(node)) return node.flatMap((item, i) => strings(item, `${at}/${i}`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, `${at}/${k}`));
  return [];
}

describe('app package with production settings', () => {
  let manifest: Manifest;
  let zipPath: string;
  let outDir: string;

  beforeAll(async () => {
    const { pkg } = await buildInTemp({ ...productionEnv });
    manifest = readJson(pkg.manifestPath);
    zipPath = pkg.zipPath;
    outDir = pkg.outDir;
  });

  it('validates against the schema bundled with @microsoft/app-manifest (offline), with no errors', async () => {
    const version = /\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema as string)?.[1];
    expect(version).toBe(manifest.manifestVersion);
    // 1.17 is the first version with `extensions` (the Outlook add-in); the schema must be bundled,
    // or validateAgainstSchema would try to download it.
    const [major, minor] = (version as string).split('.').map(Number);
    expect(major === 1 && (minor as number) >= 17).toBe(true);
    const bundled = path.join(repositoryRoot, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams', `v${version}`, 'MicrosoftTeams.schema.json');
    expect(existsSync(bundled)).toBe(true);

    expect(validateAgainstBundledSchema(manifest)).toEqual([]);
  });

  it('rejects a broken manifest (the validation really runs)', () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] };
    const errors = validateAgainstBundledSchema(broken);
    expect(errors.join('\n')).toMatch(/botId/);
  });

  it('fills every placeholder and keeps every URL on APP_BASE_URL', () => {
    const all = strings(manifest);
    expect(all.filter(([, v]) => v.includes('{{'))).toEqual([]);
    const urls = all.filter(([p, v]) => /^https?:/.test(v) && !p.startsWith('/$schema') && !p.startsWith('/developer'));
    expect(urls.length).toBeGreaterThan(10);
    for (const [p, url] of urls) expect([p, url.startsWith(`${productionEnv.APP_BASE_URL}/`)]).toEqual([p, true]);
    expect(manifest.id).toBe(productionEnv.TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.developer).toEqual({
      name: 'Vivendo & partners',
      websiteUrl: 'https://www.vivendo.be',
      privacyUrl: 'https://www.vivendo.be/privacy',
      termsOfUseUrl: 'https://www.vivendo.be/voorwaarden',
    });
  });

  it('has the bot in personal, group chat and team scopes, without files, with the Dutch commands', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(productionEnv.BOT_APP_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    const personal = bot.commandLists.find((l: Manifest) => l.scopes.includes('personal'));
    const titles: string[] = personal.commands.map((c: Manifest) => c.title);
    expect(titles).toEqual(['help', 'mijn dossiers', 'dossier', 'agenda', 'signaal', 'afwezigheid', 'contact', 'conclusies', 'koppel']);
    // Every command the manifest offers is one the bot understands (its vocabulary).
    const understood = Object.values(VOCABULARY).flat();
    expect(titles.filter((t) => !understood.includes(t))).toEqual([]);
    const shared = bot.commandLists.find((l: Manifest) => l.scopes.includes('groupChat'));
    expect(shared.scopes).toEqual(expect.arrayContaining(['groupChat', 'team']));
    expect(shared.commands.map((c: Manifest) => c.title)).toEqual(expect.arrayContaining(['help', 'agenda', 'koppel']));
  });

  it('has the personal tab "Dossiers", the app host as valid domain and SSO on the add-in API', () => {
    expect(manifest.staticTabs[0]).toEqual({
      entityId: 'dossiers',
      name: 'Dossiers',
      contentUrl: 'https://woonbegeleiding.vivendo.be/tab/dossiers.html',
      websiteUrl: 'https://woonbegeleiding.vivendo.be/tab/dossiers.html',
      scopes: ['personal'],
    });
    expect(manifest.staticTabs.map((t: Manifest) => t.entityId)).toEqual(['dossiers', 'overview', 'conversations', 'about']);
    // The landlord's overview in pictures (the page itself answers partner members that it is not for them).
    expect(manifest.staticTabs[1]).toMatchObject({ name: 'Overzicht', contentUrl: 'https://woonbegeleiding.vivendo.be/tab/overview.html', scopes: ['personal'] });
    expect(manifest.validDomains).toEqual(['woonbegeleiding.vivendo.be']);
    expect(manifest.webApplicationInfo).toEqual({
      id: productionEnv.ADDIN_APP_ID,
      resource: `api://woonbegeleiding.vivendo.be/${productionEnv.ADDIN_APP_ID}`,
    });
  });

  it('asks the meeting chat permission, sharing to the meeting stage and the mail item permission, nothing more', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      // First: Office tools read the add-in's permission from the first entry.
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
    ]);
  });

  it('has the consultation in the meeting: a configurable tab for the side panel, the meeting chat and the stage', () => {
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: 'https://woonbegeleiding.vivendo.be/tab/meeting.html?config=1',
        canUpdateConfiguration: true,
        scopes: ['groupChat'],
        context: ['meetingSidePanel', 'meetingChatTab', 'meetingStage', 'meetingDetailsTab'],
        meetingSurfaces: ['sidePanel', 'stage'],
      },
    ]);
  });

  it('has the Outlook add-in: Mailbox requirement set, the task pane runtime and read + compose ribbons', () => {
    expect(manifest.extensions).toHaveLength(1);
    const extension = manifest.extensions[0];
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: MAILBOX_MIN_VERSION }] });
    expect(extension.runtimes).toHaveLength(1);
    const runtime = extension.runtimes[0];
    expect(runtime.code.page).toBe('https://woonbegeleiding.vivendo.be/addin/taskpane.html');
    expect(runtime.actions).toEqual([expect.objectContaining({ id: 'openDossiersPane', type: 'openPage' })]);
    expect(extension.ribbons.map((r: Manifest) => r.contexts)).toEqual([['mailRead'], ['mailCompose']]);
    for (const ribbon of extension.ribbons) {
      const controls = ribbon.tabs.flatMap((t: Manifest) => t.groups).flatMap((g: Manifest) => g.controls);
      expect(controls).toEqual([expect.objectContaining({ type: 'button', label: 'Dossiers aanmelden', actionId: 'openDossiersPane' })]);
      expect(controls[0].icons.map((i: Manifest) => i.size)).toEqual([16, 32, 80]);
    }
  });

  it('zips exactly manifest.json and the two icons, named after the version', async () => {
    expect(path.basename(zipPath)).toBe('woonbegeleiding-1.2.3.zip');
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual([...ZIP_ENTRIES].sort());
    const inZip = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(inZip).toEqual(manifest);
    expect([inZip.icons.color, inZip.icons.outline].sort()).toEqual(['color.png', 'outline.png']);

    const colour = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect(readPngHeader(colour)).toEqual({ width: 192, height: 192, bitDepth: 8, colourType: 6 });
    expect(readPngHeader(outline)).toEqual({ width: 32, height: 32, bitDepth: 8, colourType: 6 });
  });

  it('draws the outline icon in white on a transparent background', async () => {
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const { pixels } = decodeRgbaPng(await zip.file('outline.png')!.async('nodebuffer'));
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3] as number;
      if (alpha === 0) transparent++;
      else {
        opaque++;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(pixels[3]).toBe(0); // the corner is transparent
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(500);
  });

  it('draws the colour icon full bleed (no transparent pixels)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const { pixels } = decodeRgbaPng(await zip.file('color.png')!.async('nodebuffer'));
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) throw new Error(`transparent pixel at ${(i - 3) / 4}`);
  });

  it('writes the ribbon icons the add-in loads from APP_BASE_URL/addin/assets/', () => {
    for (const size of RIBBON_ICON_SIZES) {
      const png = readFileSync(path.join(outDir, 'web/addin/assets', `icon-${size}.png`));
      expect(readPngHeader(png)).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6 });
    }
  });
});

describe('app package with no settings at all (local defaults)', () => {
  it('builds with the demo ids, https://localhost:3978 and the version of package.json', async () => {
    const pkgVersion = (JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const { config, pkg } = await buildInTemp({});
    expect(config.demoIds).toEqual(['TEAMS_APP_ID', 'BOT_APP_ID', 'ADDIN_APP_ID']);
    const manifest = readJson(pkg.manifestPath);
    expect(manifest.id).toBe(DEMO_IDS.TEAMS_APP_ID);
    expect(manifest.version).toBe(pkgVersion);
    expect(path.basename(pkg.zipPath)).toBe(`woonbegeleiding-${pkgVersion}.zip`);
    expect(manifest.validDomains).toEqual(['localhost']);
    expect(manifest.webApplicationInfo.resource).toBe(`api://localhost:3978/${DEMO_IDS.ADDIN_APP_ID}`);
    expect(validateAgainstBundledSchema(manifest)).toEqual([]);
  });
});

describe('package configuration', () => {
  const error = (env: NodeJS.ProcessEnv) => {
    try {
      loadPackageConfig(env);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('treats empty variables as unset', () => {
    expect(loadPackageConfig({ APP_BASE_URL: '', BOT_APP_ID: ' ' }).appBaseUrl).toBe('https://localhost:3978');
  });

  it('normalises the base URL to its origin and ids to lower case', () => {
    const config = loadPackageConfig({ APP_BASE_URL: 'https://App.Example.be/', BOT_APP_ID: productionEnv.BOT_APP_ID.toUpperCase() });
    expect(config.appBaseUrl).toBe('https://app.example.be');
    expect(config.botAppId).toBe(productionEnv.BOT_APP_ID);
  });

  it.each([
    [{ APP_BASE_URL: 'http://woonbegeleiding.example.be' }, /^Configuration: APP_BASE_URL must be an https:\/\/ URL/],
    [{ APP_BASE_URL: 'https://example.be/app' }, /^Configuration: APP_BASE_URL must be an https:\/\/ URL without a path/],
    [{ BOT_APP_ID: 'bot' }, /^Configuration: BOT_APP_ID must be a GUID/],
    [{ TEAMS_APP_ID: '1234' }, /^Configuration: TEAMS_APP_ID must be a GUID/],
    [{ APP_VERSION: '1.0' }, /^Configuration: APP_VERSION must be major\.minor\.patch/],
    [{ PRIVACY_URL: 'http://example.be/privacy' }, /^Configuration: PRIVACY_URL must be an https:\/\/ URL/],
    [{ PUBLISHER_NAME: 'x'.repeat(33) }, /^Configuration: PUBLISHER_NAME must be at most 32 characters/],
  ])('rejects %j in one line', (env, message) => {
    const text = error(env);
    expect(text).toMatch(message);
    expect(text.split('\n')).toHaveLength(1);
  });
});
