/**
 * The per-user token bucket (shared/rules/rate-limit.ts) with an injected clock: no timers, nothing
 * depends on how fast the machine is.
 */
import fc from 'fast-check';
import { rateLimitKey, takeToken, UserRateLimiter, type Bucket, type RateLimit } from '../../../shared/rules/rate-limit';

const limit: RateLimit = { burst: 3, perMinute: 6 }; // a token every 10 s

describe('takeToken', () => {
  it('allows a full burst at once, then refuses with the seconds until the next token', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const taken = takeToken(bucket, limit, 0);
      expect(taken.allowed).toBe(true);
      bucket = taken.bucket;
    }
    const refused = takeToken(bucket, limit, 0);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    // 4 s later: 6 s to go, rounded up to whole seconds
    expect(takeToken(refused.bucket, limit, 4_000)).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    expect(takeToken(refused.bucket, limit, 9_999)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(takeToken(refused.bucket, limit, 10_000).allowed).toBe(true);
  });

  it('refills to the burst and no further after a quiet while', () => {
    const empty: Bucket = { tokens: 0, atMs: 0 };
    const later = takeToken(empty, limit, 3_600_000);
    expect(later).toMatchObject({ allowed: true, bucket: { tokens: 2 } });
  });

  it('a clock going back adds no tokens', () => {
    const empty: Bucket = { tokens: 0, atMs: 60_000 };
    expect(takeToken(empty, limit, 0)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('property: over any stream of requests, what is allowed never exceeds burst + elapsed time x rate, and a refused request was told to wait at least 1 s', () => {
    fc.assert(
      fc.property(
        fc.record({ burst: fc.integer({ min: 1, max: 50 }), perMinute: fc.integer({ min: 1, max: 600 }) }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 300 }),
        (l, gaps) => {
          let now = 0;
          let bucket: Bucket | undefined;
          let allowed = 0;
          for (const gap of gaps) {
            now += gap;
            const taken = takeToken(bucket, l, now);
            bucket = taken.bucket;
            if (taken.allowed) allowed++;
            else expect(taken.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            expect(allowed).toBeLessThanOrEqual(l.burst + (now * l.perMinute) / 60_000 + 1e-9);
          }
        },
      ),
    );
  });

  it('property: a refused request is allowed once its Retry-After has passed (the advice is never too short)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 120_000 }), (burst, perMinute, at) => {
        const l = { burst, perMinute };
        const empty: Bucket = { tokens: 0, atMs: at };
        const refused = takeToken(empty, l, at);
        if (refused.allowed) throw new Error('an empty bucket refuses');
        expect(takeToken(refused.bucket, l, at + refused.retryAfterSeconds * 1000).allowed).toBe(true);
      }),
    );
  });
});

describe('UserRateLimiter', () => {
  const limits = { read: { burst: 3, perMinute: 60 }, write: { burst: 1, perMinute: 6 } };

  it('keeps a bucket per user and per kind: writes are stricter than reads, and one user never uses up another\'s', () => {
    const limiter = new UserRateLimiter(limits);
    const alex = rateLimitKey('tenant', 'oid-alex');
    const megan = rateLimitKey('tenant', 'oid-megan');
    expect(limiter.take(alex, 'write', 0).allowed).toBe(true);
    expect(limiter.take(alex, 'write', 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    // reads are a bucket of their own
    expect([1, 2, 3].map(() => limiter.take(alex, 'read', 0).allowed)).toEqual([true, true, true]);
    expect(limiter.take(alex, 'read', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take(megan, 'write', 0).allowed).toBe(true);
    expect(limiter.take(megan, 'read', 0).allowed).toBe(true);
  });

  it('the same object id in another tenant is another user', () => {
    const limiter = new UserRateLimiter(limits);
    expect(limiter.take(rateLimitKey('t1', 'oid'), 'write', 0).allowed).toBe(true);
    expect(limiter.take(rateLimitKey('t2', 'oid'), 'write', 0).allowed).toBe(true);
  });

  it('stays bounded: buckets that are full again are dropped first, and an overflow never refuses anyone', () => {
    const limiter = new UserRateLimiter(limits, 3);
    for (const n of [1, 2, 3]) limiter.take(`u${n}`, 'write', 0);
    // an hour later all three are full again: making room drops them
    expect(limiter.take('u4', 'write', 3_600_000).allowed).toBe(true);
    expect(limiter.size).toBe(1);
    // three busy users at once: the fourth clears all rather than refusing
    for (const n of [5, 6]) limiter.take(`u${n}`, 'write', 3_600_000);
    expect(limiter.take('u7', 'write', 3_600_000).allowed).toBe(true);
    expect(limiter.size).toBeLessThanOrEqual(3);
  });
});
