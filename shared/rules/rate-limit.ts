/**
 * Per-user rate limits: a token bucket per user and kind of request. A bucket holds up to `burst`
 * tokens and gains `perMinute` tokens a minute; each request takes one, and a request finding less
 * than one is refused with the seconds until the next token. Writes have a bucket of their own,
 * smaller than the reads'. Time is an input (milliseconds); nothing here reads a clock.
 */

export interface RateLimit {
  /** Requests allowed at once after a quiet while. */
  burst: number;
  /** Requests allowed a minute, sustained. */
  perMinute: number;
}

export type RequestKind = 'read' | 'write';

export interface Bucket {
  tokens: number;
  /** When `tokens` was counted (ms). */
  atMs: number;
}

export type Taken = { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterSeconds: number };

/** The bucket after the time passed since it was counted (a clock going back adds nothing). */
export function refilled(bucket: Bucket | undefined, limit: RateLimit, nowMs: number): Bucket {
  if (!bucket) return { tokens: limit.burst, atMs: nowMs };
  const elapsed = Math.max(0, nowMs - bucket.atMs);
  return { tokens: Math.min(limit.burst, bucket.tokens + (elapsed * limit.perMinute) / 60_000), atMs: Math.max(nowMs, bucket.atMs) };
}

/** Takes one token, or says how many whole seconds (at least 1) until there is one. */
export function takeToken(bucket: Bucket | undefined, limit: RateLimit, nowMs: number): Taken {
  const current = refilled(bucket, limit, nowMs);
  if (current.tokens >= 1) return { allowed: true, bucket: { ...current, tokens: current.tokens - 1 } };
  const msUntilOne = ((1 - current.tokens) * 60_000) / limit.perMinute;
  return { allowed: false, bucket: current, retryAfterSeconds: Math.max(1, Math.ceil(msUntilOne / 1000)) };
}

export type Limits = Record<RequestKind, RateLimit>;

/**
 * The buckets of one process, keyed by user (an Entra object id with its tenant, never a name).
 * Bounded: past `maxBuckets`, buckets that are full again are dropped (they equal a new one), and if
 * that is not enough all are (a reset gives everyone a fresh burst, never a refusal).
 */
export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limits: Limits,
    private readonly maxBuckets = 50_000,
  ) {}

  take(userKey: string, kind: RequestKind, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const key = `${kind}|${userKey}`;
    const limit = this.limits[kind];
    const taken = takeToken(this.buckets.get(key), limit, nowMs);
    if (!this.buckets.has(key) && this.buckets.size >= this.maxBuckets) this.sweep(nowMs);
    this.buckets.set(key, taken.bucket);
    return taken.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: taken.retryAfterSeconds };
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      const limit = this.limits[key.startsWith('write|') ? 'write' : 'read'];
      if (refilled(bucket, limit, nowMs).tokens >= limit.burst) this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxBuckets) this.buckets.clear();
  }
}

/** The key of a user's buckets: tenant and object id, as the token or the activity names them. */
export const rateLimitKey = (tenantId: string, objectId: string): string => `${tenantId}/${objectId}`;
