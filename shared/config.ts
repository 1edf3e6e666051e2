/**
 * Configuration, read once from the environment and validated (DESIGN "Shape"). A missing or wrong
 * setting is reported in one clear line that names it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Limits } from './rules/rate-limit';

/** The folder with package.json: the checkout, or the deployed app (the build runs from dist/). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
const repositoryRoot = findRoot(__dirname);

const schema = z.object({
  /** local: no Azure account; Azurite, file outbox, Bot Framework without tokens on loopback only. */
  WOONBEGELEIDING_MODE: z.enum(['local', 'azure']).default('local'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** Local mode listens on loopback only; Azure App Service needs all interfaces. */
  HOST: z.string().optional(),
  AZURE_TABLES_CONNECTION_STRING: z.string().min(1).optional(),
  AZURE_TABLES_ENDPOINT: z.string().url().optional(),
  /** Prefix of every table name, so several environments can share one storage account. */
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter')
    .default('wb'),
  /** Local data (Azurite's files, the e-mail outbox), inside the checkout by default. */
  DATA_DIR: z.string().default(path.join(repositoryRoot, '.data')),
  AZURITE_PORT: z.coerce.number().int().min(0).max(65535).default(10002),
  /** The landlord this deployment serves by default (the demo seeds it). */
  LANDLORD_ID: z.string().regex(/^[a-z0-9-]{1,40}$/).default('vivendo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL of this app (https in Azure); pages, cards and manifests link to it. */
  APP_BASE_URL: z.string().url().optional(),
  /** Bot Framework identity (Azure): the single-tenant app registration of the bot. */
  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** Entra tenants allowed in (comma-separated): the landlord's and its partners'. */
  ALLOWED_TENANT_IDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  /** The add-in/dialog API's Entra app id (token audience) and the scope it requires. */
  API_APP_ID: z.string().optional(),
  API_SCOPE: z.string().default('access_as_user'),
  /**
   * Per-user rate limits of the API and the bot (shared/rules/rate-limit.ts): a burst, then so many a
   * minute. Far above what a person clicks in a busy day (a page load is a handful of reads, a
   * consultation's conclusions some twenty writes); meant against scripts and floods.
   */
  RATE_LIMIT_READ_BURST: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_WRITE_BURST: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** A user's repeated reads of one dossier within this many minutes are one audit entry with a count (0: one entry per read). */
  AUDIT_READ_WINDOW_MINUTES: z.coerce.number().min(0).max(24 * 60).default(10),
  /** Seed demo data into an empty local store on start. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & { host: string; baseUrl: string };

export class ConfigError extends Error {}

/** The per-user rate limits of the settings. */
export const rateLimitsOf = (config: Config): Limits => ({
  read: { burst: config.RATE_LIMIT_READ_BURST, perMinute: config.RATE_LIMIT_READS_PER_MINUTE },
  write: { burst: config.RATE_LIMIT_WRITE_BURST, perMinute: config.RATE_LIMIT_WRITES_PER_MINUTE },
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '?';
    throw new ConfigError(`Configuration: ${name} is invalid (${issue?.message ?? 'unknown'}).`);
  }
  const config = parsed.data;
  if (config.WOONBEGELEIDING_MODE === 'azure' && !config.AZURE_TABLES_CONNECTION_STRING && !config.AZURE_TABLES_ENDPOINT) {
    throw new ConfigError('Configuration: AZURE_TABLES_ENDPOINT (or AZURE_TABLES_CONNECTION_STRING) is required in azure mode.');
  }
  if (config.WOONBEGELEIDING_MODE === 'azure') {
    for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TENANT_ID', 'API_APP_ID', 'APP_BASE_URL'] as const) {
      if (!config[name]) throw new ConfigError(`Configuration: ${name} is required in azure mode.`);
    }
    if (config.ALLOWED_TENANT_IDS.length === 0) throw new ConfigError('Configuration: ALLOWED_TENANT_IDS is required in azure mode.');
  }
  const host = config.HOST ?? (config.WOONBEGELEIDING_MODE === 'local' ? '127.0.0.1' : '0.0.0.0');
  return { ...config, host, baseUrl: config.APP_BASE_URL ?? `http://127.0.0.1:${config.PORT}` };
}
