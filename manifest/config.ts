/**
 * Configuration of the app package (`npm run package`), read from the environment and validated
 * with zod. Every setting has a local default, so the package builds with no settings at all; the
 * default ids are fixed demo GUIDs that production must replace (infra/DEPLOYMENT.md, step 6).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const repositoryRoot = path.resolve(__dirname, '..');

/** Demo ids for a local package: never upload a package built with these to a real tenant. */
export const DEMO_IDS = {
  TEAMS_APP_ID: '5b0d7f0e-3c1a-4e8b-9a56-7f3c2d1e0a01',
  BOT_APP_ID: '5b0d7f0e-3c1a-4e8b-9a56-7f3c2d1e0a02',
  ADDIN_APP_ID: '5b0d7f0e-3c1a-4e8b-9a56-7f3c2d1e0a03',
} as const;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An unset variable and an empty one mean the same: use the default. */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const guid = (fallback: string) =>
  optional(z.string().trim().regex(GUID, 'must be a GUID like 00000000-0000-0000-0000-000000000000').default(fallback)).transform((v) =>
    v.toLowerCase(),
  );

/** An absolute https URL; with `originOnly`, nothing after the host (no path, query or fragment). */
const httpsUrl = (originOnly: boolean) =>
  z
    .string()
    .trim()
    .refine((value) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return false;
      }
      if (url.protocol !== 'https:' || url.username || url.password) return false;
      return !originOnly || (url.pathname === '/' && !url.search && !url.hash);
    }, originOnly ? 'must be an https:// URL without a path, e.g. https://woonbegeleiding.example.be' : 'must be an https:// URL')
    .transform((value) => (originOnly ? new URL(value).origin : value));

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

const schema = z.object({
  /** Where the product runs: the bot, the add-in, the tab and the dialogs share this one https origin. */
  APP_BASE_URL: optional(httpsUrl(true).default('https://localhost:3978')),
  /** The Teams app id, also the add-in's id (the classic XML manifest uses the same). */
  TEAMS_APP_ID: guid(DEMO_IDS.TEAMS_APP_ID),
  /** The Entra application (client) id of the bot (Azure Bot `msaAppId`). */
  BOT_APP_ID: guid(DEMO_IDS.BOT_APP_ID),
  /** The Entra application id that exposes the add-in's API (`api://<host>/<id>/access_as_user`). */
  ADDIN_APP_ID: guid(DEMO_IDS.ADDIN_APP_ID),
  /** major.minor.patch: Teams wants semver, the XML manifest four numbers (a `.0` is appended). */
  APP_VERSION: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be major.minor.patch, e.g. 1.0.0')
      .default(packageVersion()),
  ),
  /** The publisher shown in Teams and Outlook (at most 32 characters). */
  PUBLISHER_NAME: optional(z.string().trim().min(1).max(32, 'must be at most 32 characters').default('Woonbegeleiding')),
  PUBLISHER_WEBSITE_URL: optional(httpsUrl(false).optional()),
  PRIVACY_URL: optional(httpsUrl(false).optional()),
  TERMS_OF_USE_URL: optional(httpsUrl(false).optional()),
});

export interface PackageConfig {
  appBaseUrl: string;
  teamsAppId: string;
  botAppId: string;
  addinAppId: string;
  version: string;
  publisherName: string;
  publisherWebsiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  /** The settings left at their demo value (the script warns about them). */
  demoIds: (keyof typeof DEMO_IDS)[];
}

export class PackageConfigError extends Error {}

/** Reads and validates the settings; a bad one throws a PackageConfigError with one clear line. */
export function loadPackageConfig(env: NodeJS.ProcessEnv = process.env): PackageConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') || '?';
    const given = typeof env[name] === 'string' ? ` (got "${String(env[name]).slice(0, 80)}")` : '';
    throw new PackageConfigError(`Configuration: ${name} ${issue?.message ?? 'is invalid'}${given}.`);
  }
  const c = parsed.data;
  const ids = { TEAMS_APP_ID: c.TEAMS_APP_ID, BOT_APP_ID: c.BOT_APP_ID, ADDIN_APP_ID: c.ADDIN_APP_ID };
  return {
    appBaseUrl: c.APP_BASE_URL,
    teamsAppId: c.TEAMS_APP_ID,
    botAppId: c.BOT_APP_ID,
    addinAppId: c.ADDIN_APP_ID,
    version: c.APP_VERSION,
    publisherName: c.PUBLISHER_NAME,
    publisherWebsiteUrl: c.PUBLISHER_WEBSITE_URL ?? c.APP_BASE_URL,
    privacyUrl: c.PRIVACY_URL ?? `${c.APP_BASE_URL}/privacy`,
    termsOfUseUrl: c.TERMS_OF_USE_URL ?? `${c.APP_BASE_URL}/voorwaarden`,
    demoIds: (Object.keys(DEMO_IDS) as (keyof typeof DEMO_IDS)[]).filter((key) => ids[key] === DEMO_IDS[key]),
  };
}
