/**
 * What every part of the bot shares: the process's dependencies, the proactive sender, the Teams
 * notifier and a tracker of background work (deliveries that must not hold up a turn).
 */
import type { AppDeps } from '../../shared/server/app-deps';
import { brusselsDate } from '../../shared/rules/calendar';
import type { Instant, IsoDate, LandlordConfig, User } from '../../shared/rules/types';
import type { ServiceContext } from '../../shared/services/context';
import type { Notifier } from '../../shared/services/notifier';
import type { SurfaceServices } from '../../shared/services/surface-services';
import type { UserRateLimiter } from '../../shared/rules/rate-limit';
import type { ProactiveSender } from './sender';

export interface BotRuntime {
  /** The process's settings, logger and clock; never the store (the bot goes through `services`). */
  deps: Omit<AppDeps, 'store'>;
  services: SurfaceServices;
  sender: ProactiveSender;
  /** Set once the notifier exists (it needs the runtime itself). */
  notifier: Notifier;
  background: Background;
  /** Per-user rate limits of the activities people send (messages, card actions). */
  limiter: UserRateLimiter;
  now(): Instant;
  today(): IsoDate;
}

/** Work that runs after the answer to the user; awaited on shutdown and in tests. */
export class Background {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly coalescing = new Map<string, { again: boolean }>();

  constructor(private readonly onError: (error: unknown, what: string) => void) {}

  run(what: string, work: () => Promise<unknown>): void {
    // Started on the next turn of the event loop: the answer being written now goes out first.
    const promise = new Promise<void>((resolve) => setImmediate(resolve)).then(work).catch((err: unknown) => this.onError(err, what));
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  /**
   * `work` for `key` (e.g. refreshing one agenda's cards): when it is already running, it runs once
   * more after that run, however many ask meanwhile. A burst of flags then costs two refreshes, not
   * one per flag, and the last one always starts after the last change it has to show.
   */
  coalesce(key: string, what: string, work: () => Promise<unknown>): void {
    const running = this.coalescing.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const slot = { again: false };
    this.coalescing.set(key, slot);
    this.run(what, async () => {
      try {
        do {
          slot.again = false;
          await work().catch((err: unknown) => this.onError(err, what));
        } while (slot.again);
      } finally {
        this.coalescing.delete(key);
      }
    });
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

export const instantOf = (date: Date): Instant => date.toISOString();

export function runtimeClock(deps: Pick<AppDeps, 'clock'>): { now(): Instant; today(): IsoDate } {
  return {
    now: () => instantOf(deps.clock()),
    today: () => brusselsDate(deps.clock()),
  };
}

/**
 * The bot itself, for reads that render what everyone in a partner's conversation may see (the
 * base view of that partner's agenda or conclusions). Never used for a person's request.
 */
export const systemUser = (landlordId: string): User => ({
  landlordId,
  tenantId: 'system',
  objectId: 'system:teams-bot',
  displayName: 'Teams-bot',
  role: 'landlord-coordinator',
});

export function systemContext(rt: BotRuntime, landlord: LandlordConfig): ServiceContext {
  return userContext(rt, landlord, systemUser(landlord.id));
}

export function userContext(rt: BotRuntime, landlord: LandlordConfig, user: User): ServiceContext {
  return rt.services.contextFor(landlord, user, { now: rt.now(), notifier: rt.notifier, log: serviceLog(rt) });
}

const serviceLog = (rt: BotRuntime) => ({
  warn: (fields: Record<string, string | number | boolean | undefined>, message: string) => rt.deps.logger.warn(fields, message),
});
