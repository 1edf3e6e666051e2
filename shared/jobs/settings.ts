/**
 * Settings of the jobs, the mail and Microsoft Graph, read once from the environment and validated
 * (zod), like shared/config.ts. Until those settings move into shared/config.ts they live here.
 */
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const bool = (fallback: 'true' | 'false') => z.enum(['true', 'false']).default(fallback).transform((v) => v === 'true');

const schema = z.object({
  WOONBEGELEIDING_MODE: z.enum(['local', 'azure']).default('local'),
  /** The landlord's mailbox the app sends from and reads; overrides the stored one of LANDLORD_ID. */
  LANDLORD_MAILBOX: z.string().email().optional(),
  LANDLORD_ID: z.string().default('vivendo'),
  /** Microsoft Graph, application permissions (app-only). Without a secret: the managed identity. */
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  /** Graph's base URL; tests point it at a local HTTPS fake. Always https: the token goes with it. */
  GRAPH_BASE_URL: z
    .string()
    .url()
    .default('https://graph.microsoft.com')
    .refine((v) => v.startsWith('https://'), 'https only'),
  /** Who organises the Teams meetings (object id or UPN); default the landlord's mailbox user. */
  GRAPH_MEETING_ORGANIZER: z.string().min(1).optional(),
  /** graph: Microsoft Graph; outbox: .eml files in DATA_DIR/outbox. Default: graph in azure, outbox locally. */
  MAIL_TRANSPORT: z.enum(['graph', 'outbox']).optional(),
  SCHEDULER_ENABLED: bool('true'),
  /** [product] The first consultation of the meeting day starts at this time; partners follow in slots. */
  CONSULTATION_START: z.string().regex(TIME, 'HH:MM').default('09:30'),
  CONSULTATION_MINUTES: z.coerce.number().int().min(15).max(240).default(45),
  /** [product] Mail and reminders go out from this time of day (the flag deadline step runs at 00:00, R15). */
  JOBS_DAY_START: z.string().regex(TIME, 'HH:MM').default('07:00'),
  /** [product] How many days before a 3-month visit or final evaluation the coordinator is asked to plan it. */
  MILESTONE_LEAD_DAYS: z.coerce.number().int().min(1).max(90).default(28),
  /** How far back each run looks for replies (replies are processed once each, by message id). */
  REPLY_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(30).default(3),
});

export type JobEnv = z.infer<typeof schema>;

export interface JobSettings {
  mode: 'local' | 'azure';
  transport: 'graph' | 'outbox';
  schedulerEnabled: boolean;
  /** Per landlord id: the mailbox to use instead of the stored one. */
  mailboxOverride: Record<string, string>;
  graph: {
    tenantId?: string;
    clientId?: string;
    clientSecret?: string;
    baseUrl: string;
    organizer?: string;
  };
  consultationStart: string;
  consultationMinutes: number;
  dayStart: string;
  milestoneLeadDays: number;
  replyLookbackDays: number;
  /** A claim older than this, not done, is taken over: its holder crashed. */
  leaseMs: number;
  /** After this many failed attempts the coordinator is alerted; an error that will not pass (400, 403, no address) is then given up. */
  alertAfterAttempts: number;
  /** A passing failure (throttling, 5xx, network) is retried this many times (one day at 15 minutes), then given up. */
  maxAttempts: number;
}

export class JobSettingsError extends Error {}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  mode: 'local',
  transport: 'outbox',
  schedulerEnabled: true,
  mailboxOverride: {},
  graph: { baseUrl: 'https://graph.microsoft.com' },
  consultationStart: '09:30',
  consultationMinutes: 45,
  dayStart: '07:00',
  milestoneLeadDays: 28,
  replyLookbackDays: 3,
  // Longer than any single send may take (Graph calls time out after 60 s), shorter than the
  // scheduler's 15 minutes: a crashed send resumes at the next run.
  leaseMs: 10 * 60_000,
  alertAfterAttempts: 3,
  maxAttempts: 96,
};

export function loadJobSettings(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JobSettingsError(`Configuration: ${issue?.path.join('.') ?? '?'} is invalid (${issue?.message ?? 'unknown'}).`);
  }
  const e = parsed.data;
  const transport = e.MAIL_TRANSPORT ?? (e.WOONBEGELEIDING_MODE === 'azure' ? 'graph' : 'outbox');
  if (transport === 'graph') {
    for (const name of ['LANDLORD_MAILBOX', 'GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID'] as const) {
      if (!e[name]) throw new JobSettingsError(`Configuration: ${name} is required to send mail through Microsoft Graph.`);
    }
  }
  return {
    ...DEFAULT_JOB_SETTINGS,
    mode: e.WOONBEGELEIDING_MODE,
    transport,
    schedulerEnabled: e.SCHEDULER_ENABLED,
    mailboxOverride: e.LANDLORD_MAILBOX ? { [e.LANDLORD_ID]: e.LANDLORD_MAILBOX } : {},
    graph: {
      baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
      ...(e.GRAPH_TENANT_ID && { tenantId: e.GRAPH_TENANT_ID }),
      ...(e.GRAPH_CLIENT_ID && { clientId: e.GRAPH_CLIENT_ID }),
      ...(e.GRAPH_CLIENT_SECRET && { clientSecret: e.GRAPH_CLIENT_SECRET }),
      ...((e.GRAPH_MEETING_ORGANIZER ?? e.LANDLORD_MAILBOX) && { organizer: (e.GRAPH_MEETING_ORGANIZER ?? e.LANDLORD_MAILBOX) as string }),
    },
    consultationStart: e.CONSULTATION_START,
    consultationMinutes: e.CONSULTATION_MINUTES,
    dayStart: e.JOBS_DAY_START,
    milestoneLeadDays: e.MILESTONE_LEAD_DAYS,
    replyLookbackDays: e.REPLY_LOOKBACK_DAYS,
  };
}
