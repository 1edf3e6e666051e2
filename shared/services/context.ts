/**
 * What every use case gets: the landlord's storage ports, who acts, the moment ("time is an input":
 * no service reads a clock), the landlord's calendar (closing days, R-H), an id generator and the
 * notifier. Adapters (bot, add-in, CLI, jobs) build one per request with `createServiceContext`.
 */
import { randomUUID } from 'node:crypto';
import { assertInstant } from '../rules/agenda';
import { brusselsDate, type CalendarConfig } from '../rules/calendar';
import type { Instant, IsoDate, LandlordConfig, User } from '../rules/types';
import { noopNotifier, type Notifier } from './notifier';
import type { ExactlyOnce, LandlordPorts, StorePorts } from './ports';

/** New record ids (dossiers, signals, requests, ...). Tests pass a predictable one. */
export type IdGenerator = () => string;

/** Structured warnings: ids and codes only, never names or free text (DESIGN "Conventions"). */
export interface ServiceLogger {
  warn(fields: Record<string, string | number | boolean | undefined>, message: string): void;
}

export interface ServiceContext {
  /** Storage of the acting user's landlord. */
  readonly ports: LandlordPorts;
  /** Exactly-once keys (global store): unique dossier numbers. */
  readonly exactlyOnce: ExactlyOnce;
  /** Who acts: resolved by `resolveUser`. */
  readonly user: User;
  /** The moment of the request, ISO 8601 with offset. */
  readonly now: Instant;
  /** The landlord's closing days (R-H). */
  readonly calendar: CalendarConfig;
  readonly ids: IdGenerator;
  readonly notifier: Notifier;
  readonly log?: ServiceLogger;
  /** Repeated reads of a dossier by one user within this window are one audit entry with a count (0: one each). */
  readonly readAuditWindowMs?: number;
}

export const randomIds: IdGenerator = () => randomUUID();

export interface ServiceContextOptions {
  store: Pick<StorePorts, 'forLandlord' | 'exactlyOnce'>;
  landlord: LandlordConfig;
  user: User;
  now: Instant;
  notifier?: Notifier;
  ids?: IdGenerator;
  log?: ServiceLogger;
  readAuditWindowMs?: number;
}

export function createServiceContext(options: ServiceContextOptions): ServiceContext {
  const { store, landlord, user } = options;
  // A user of another landlord would see this landlord's ports: a programming error, not a user error.
  if (user.landlordId !== landlord.id) throw new Error('createServiceContext: the user belongs to another landlord');
  return {
    ports: store.forLandlord(landlord.id),
    exactlyOnce: store.exactlyOnce,
    user,
    now: assertInstant(options.now),
    calendar: { closingDays: [...landlord.closingDays] },
    ids: options.ids ?? randomIds,
    notifier: options.notifier ?? noopNotifier,
    ...(options.log ? { log: options.log } : {}),
    ...(options.readAuditWindowMs !== undefined ? { readAuditWindowMs: options.readAuditWindowMs } : {}),
  };
}

/** The calendar day in Brussels of `ctx.now`. */
export const todayOf = (ctx: ServiceContext): IsoDate => brusselsDate(assertInstant(ctx.now));

/** Who acts, as stored in records and audit entries (the Entra object id: no name). */
export const actorOf = (ctx: ServiceContext): string => ctx.user.objectId;

/**
 * Tells the notifier after a commit. The change is stored whatever happens here, so a failing
 * notifier is logged (ids only) and answered as `false`, never thrown at the user.
 */
export async function notify(ctx: ServiceContext, what: string, send: (n: Notifier) => Promise<void>): Promise<boolean> {
  try {
    await send(ctx.notifier);
    return true;
  } catch (err) {
    ctx.log?.warn({ what, error: err instanceof Error ? err.name : 'error' }, 'notification failed after commit');
    return false;
  }
}
