/**
 * What every job gets: the ports, the settings and one landlord's context at the moment `now` ("time
 * is an input": no job reads a clock). A job run reports what it did as entries with ids and codes
 * only; the CLI renders them in Dutch, the scheduler logs them.
 */
import { brusselsDate, type CalendarConfig } from '../rules/calendar';
import type { Instant, IsoDate, LandlordConfig, Partner, User } from '../rules/types';
import { createServiceContext, type ServiceContext } from '../services/context';
import { noopNotifier, type Notifier } from '../services/notifier';
import type { LandlordPorts, StorePorts } from '../services/ports';
import type { MailAddress, MailboxReader, MailSender, MeetingProvider, TeamsPublisher } from './ports';
import type { JobSettings } from './settings';

/** Structured logs: ids, keys and codes only (never names or free text). */
export interface JobLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface JobDeps {
  store: Pick<StorePorts, 'landlords' | 'users' | 'forLandlord' | 'exactlyOnce'>;
  mail: MailSender;
  meetings: MeetingProvider;
  mailbox: MailboxReader;
  teams: TeamsPublisher;
  /** The services' notifier, for flags that arrive by e-mail (the bot refreshes the card). */
  notifier?: Notifier;
  settings: JobSettings;
  log?: JobLogger;
}

export type JobName = 'safety' | 'invitation' | 'deadline' | 'conclusions' | 'milestones' | 'information' | 'replies';

export type EffectOutcome = 'done' | 'recovered' | 'already-done' | 'in-progress' | 'failed' | 'gave-up';

/** One effect (a mail, a meeting, a card, a reminder) as a job met it at this run. */
export interface ReportEntry {
  job: JobName;
  /** What kind of effect: 'invitation-mail', 'meeting', 'agenda-card', ... */
  effect: string;
  key: string;
  outcome: EffectOutcome;
  landlordId: string;
  partnerId?: string;
  month?: string;
  dossierNumber?: string;
  /** Small facts for the report: recipients, delivered, an error code. */
  detail?: Record<string, string | number | boolean>;
}

export interface JobReport {
  at: Instant;
  entries: ReportEntry[];
  /** Jobs that stopped with an unexpected error (their code only). */
  errors: { job: JobName; landlordId: string; code: string }[];
}

/** One landlord at one moment, for the jobs. */
export interface LandlordRun {
  deps: JobDeps;
  now: Instant;
  today: IsoDate;
  landlord: LandlordConfig;
  ports: LandlordPorts;
  calendar: CalendarConfig;
  /** The landlord's mailbox, as the sender of every mail. */
  from: MailAddress;
  report: (entry: Omit<ReportEntry, 'landlordId'>) => void;
  /** Partners of the landlord, by id (read once per run). */
  partners(): Promise<Partner[]>;
  /** Users of the landlord (read once per run). */
  users(): Promise<User[]>;
  /** A service context acting as the jobs themselves (a landlord role, no person). */
  systemContext(): ServiceContext;
  /** A service context acting as a known user (a flag from that user's e-mail), at `at` (default `now`). */
  contextAs(user: User, at?: Instant): ServiceContext;
}

/** The jobs act under this id in the audit log: the automation, not a person. */
export const SYSTEM_ACTOR = 'system-jobs';

export function landlordRun(deps: JobDeps, landlord: LandlordConfig, now: Instant, report: JobReport): LandlordRun {
  const ports = deps.store.forLandlord(landlord.id);
  const calendar: CalendarConfig = { closingDays: [...landlord.closingDays] };
  let partners: Promise<Partner[]> | undefined;
  let users: Promise<User[]> | undefined;
  const notifier = deps.notifier ?? noopNotifier;
  const system: User = {
    landlordId: landlord.id,
    tenantId: landlord.m365TenantId ?? 'system',
    objectId: SYSTEM_ACTOR,
    displayName: 'Woonbegeleiding (automatisch)',
    role: 'landlord-coordinator',
  };
  const contextAs = (user: User, at: Instant = now) => createServiceContext({ store: deps.store, landlord, user, now: at, notifier });
  return {
    deps,
    now,
    today: brusselsDate(now),
    landlord,
    ports,
    calendar,
    from: { address: deps.settings.mailboxOverride[landlord.id] ?? landlord.mailbox, name: landlord.name },
    report: (entry) => report.entries.push({ ...entry, landlordId: landlord.id }),
    partners: () => (partners ??= ports.partners.list().then((list) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))),
    users: () => (users ??= deps.store.users.listByLandlord(landlord.id)),
    systemContext: () => contextAs(system),
    contextAs,
  };
}
