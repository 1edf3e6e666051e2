/**
 * The one way the bot sends on its own (issue: "one sender for every proactive message"):
 * - within Teams' rate limits per conversation and per tenant (rate-limiter.ts), one send at a time
 *   per conversation so messages keep their order;
 * - 429 and 5xx (and network errors) are retried, after Retry-After when the service gives one,
 *   otherwise with exponential backoff and jitter, a bounded number of times;
 * - 403 (the bot was removed or blocked) and 404 (the conversation is gone) mark the conversation as
 *   gone: nothing more is sent there until someone talks to the bot there again;
 * - a keyed message is sent at most once, across restarts and instances (ExactlyOnce). A crash between
 *   the send and the bookkeeping leaves the key claimed: the message is then not sent again (at most
 *   once, never twice).
 * Logs carry ids and status codes only.
 */
import type { Logger } from 'pino';
import type { ExactlyOnce } from '../../shared/services/ports';
import type { Connector, ConnectorResponse, ConnectorTarget } from './connector';
import { CONVERSATION_WINDOWS, RateLimiter, TENANT_WINDOWS } from './rate-limiter';

export interface SendTarget extends ConnectorTarget {
  landlordId: string;
  /** Entra tenant of the conversation (per-tenant limit); '' when unknown. */
  tenantId: string;
}

export type SendOutcome =
  | { status: 'sent'; activityId: string }
  /** A keyed message that was sent (or is being sent) before. */
  | { status: 'duplicate'; activityId?: string }
  | { status: 'gone' }
  | { status: 'failed'; reason: string };

export interface SenderOptions {
  connector: Connector;
  once: ExactlyOnce;
  logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
  /** Called once when a conversation answered 403/404. */
  onGone: (target: SendTarget) => Promise<void>;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  limiter?: RateLimiter;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

class DeliveryError extends Error {
  constructor(readonly reason: string, readonly gone = false) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const isRetryable = (status: number) => status === 429 || status >= 500;

export class ProactiveSender {
  private readonly limiter: RateLimiter;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => Date;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(private readonly options: SenderOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.limiter = options.limiter ?? new RateLimiter(() => this.clock().getTime());
    this.sleep = options.sleep ?? realSleep;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  /** Posts a new message; with `key`, at most once per key. */
  async post(target: SendTarget, activity: Record<string, unknown>, key?: string): Promise<SendOutcome> {
    if (!key) return this.outcome(target, () => this.deliver(target, (c) => c.post(target, activity)));
    const onceKey = `teams-send|${key}`;
    try {
      const result = await this.options.once.run(onceKey, async () => ({ activityId: await this.deliver(target, (c) => c.post(target, activity)) }), {
        now: this.clock().toISOString(),
        // A failed send (gone, or retries exhausted) may be tried again by a later call.
        reclaimFailed: true,
      });
      if (result.ran) return { status: 'sent', activityId: result.result.activityId };
      const stored = result.record.result as { activityId?: string } | undefined;
      return { status: 'duplicate', ...(stored?.activityId ? { activityId: stored.activityId } : {}) };
    } catch (err) {
      return this.failure(target, err);
    }
  }

  /** Replaces a message the bot sent (a card updated in place). */
  update(target: SendTarget, activityId: string, activity: Record<string, unknown>): Promise<SendOutcome> {
    return this.outcome(target, async () => {
      await this.deliver(target, (c) => c.update(target, activityId, activity));
      return activityId;
    });
  }

  /** The conversation's members (for user-specific card views); undefined when it fails. */
  async members(target: SendTarget): Promise<unknown[] | undefined> {
    try {
      const response = await this.serial(target, () => this.attempt(target, (c) => c.members(target)));
      const body = response.body as { members?: unknown[] } | unknown[] | undefined;
      return Array.isArray(body) ? body : Array.isArray(body?.members) ? body.members : undefined;
    } catch (err) {
      await this.failure(target, err);
      return undefined;
    }
  }

  /** Waits until every queued send has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private async outcome(target: SendTarget, send: () => Promise<string>): Promise<SendOutcome> {
    try {
      return { status: 'sent', activityId: await send() };
    } catch (err) {
      return this.failure(target, err);
    }
  }

  private async failure(target: SendTarget, err: unknown): Promise<SendOutcome> {
    if (err instanceof DeliveryError && err.gone) {
      this.options.logger.warn({ conversation: target.conversationId, reason: err.reason }, 'teams: conversation gone, marked');
      await this.options.onGone(target).catch(() => undefined);
      return { status: 'gone' };
    }
    const reason = err instanceof DeliveryError ? err.reason : err instanceof Error ? err.name : 'error';
    this.options.logger.warn({ conversation: target.conversationId, reason }, 'teams: send failed');
    return { status: 'failed', reason };
  }

  private deliver(target: SendTarget, call: (c: Connector) => Promise<ConnectorResponse>): Promise<string> {
    return this.serial(target, async () => {
      const response = await this.attempt(target, call);
      const id = (response.body as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' ? id : '';
    });
  }

  /** One send at a time per conversation, in the order asked. */
  private serial<T>(target: SendTarget, work: () => Promise<T>): Promise<T> {
    const key = `${target.landlordId}|${target.conversationId}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  private async attempt(target: SendTarget, call: (c: Connector) => Promise<ConnectorResponse>): Promise<ConnectorResponse> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.limiter.reserve([
        { key: `c|${target.conversationId}`, windows: CONVERSATION_WINDOWS },
        { key: `t|${target.tenantId}`, windows: TENANT_WINDOWS },
      ]);
      if (wait > 0) await this.sleep(wait);

      let response: ConnectorResponse | undefined;
      let reason: string;
      try {
        response = await call(this.options.connector);
        reason = `http-${response.status}`;
      } catch (err) {
        if (err instanceof Error && err.name === 'ServiceUrlNotAllowed') throw new DeliveryError('service-url-not-allowed');
        reason = err instanceof Error ? err.name : 'network';
      }
      if (response && response.status >= 200 && response.status < 300) return response;
      if (response && (response.status === 403 || response.status === 404)) throw new DeliveryError(reason, true);
      if (response && !isRetryable(response.status)) throw new DeliveryError(reason);
      if (attempt >= this.maxAttempts) throw new DeliveryError(`${reason}-after-${attempt}`);

      const fromServer = retryAfterMs(response?.retryAfter, this.clock().getTime());
      const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
      const delay = fromServer !== undefined ? Math.min(fromServer, 5 * 60_000) : Math.round(backoff / 2 + this.random() * (backoff / 2));
      this.options.logger.debug({ conversation: target.conversationId, status: response?.status, attempt, delay }, 'teams: retrying send');
      await this.sleep(delay);
    }
  }
}
