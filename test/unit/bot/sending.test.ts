/** The pieces of the sender and the guard that need no network: rate limits, Retry-After, escaping, loopback. */
import { md, plain } from '../../../bot/cards/card';
import { initials, longDate, dateTime } from '../../../bot/cards/format';
import { isLoopbackUrl } from '../../../bot/teams/connector';
import { isLoopbackAddress, refusalOf } from '../../../bot/teams/guard';
import { CONVERSATION_WINDOWS, RateLimiter, TENANT_WINDOWS } from '../../../bot/teams/rate-limiter';
import { retryAfterMs } from '../../../bot/teams/sender';

describe('RateLimiter (Teams: 7/1 s, 8/2 s, 60/30 s, 1800/h per conversation; 50/s per tenant)', () => {
  it('lets 7 through at once in one conversation, then waits', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const waits = Array.from({ length: 9 }, () => limiter.reserve([{ key: 'c', windows: CONVERSATION_WINDOWS }]));
    expect(waits.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(waits[7]).toBe(1000); // the 1 s window
    expect(waits[8]).toBe(2000); // the 2 s window (8 per 2 s)
    now = 60_000;
    expect(limiter.reserve([{ key: 'c', windows: CONVERSATION_WINDOWS }])).toBe(0);
  });

  it('at most 60 per 30 seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    let last = 0;
    for (let i = 0; i < 61; i++) {
      last = limiter.reserve([{ key: 'c', windows: CONVERSATION_WINDOWS }]);
      now += last;
    }
    expect(now).toBeGreaterThanOrEqual(30_000);
  });

  it('the tenant limit spans conversations', () => {
    const limiter = new RateLimiter(() => 0);
    const waits = Array.from({ length: 51 }, (_, i) => limiter.reserve([{ key: `c${i}`, windows: CONVERSATION_WINDOWS }, { key: 't', windows: TENANT_WINDOWS }]));
    expect(waits.filter((w) => w > 0)).toEqual([1000]);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 20 Nov 2025 10:00:05 GMT', Date.parse('2025-11-20T10:00:00Z'))).toBe(5000);
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('escaping', () => {
  it('plain defuses links and removes control characters', () => {
    expect(plain('zie https://x.example en www.y.example\u202e')).toBe('zie https:\u200b//x.example en www\u200b.y.example');
  });
  it('md escapes what makes links and emphasis', () => {
    expect(md('[a](b) *c* _d_')).toBe('\\[a\\]\\(b\\) \\*c\\* \\_d\\_');
    expect(md('- lijst')).toBe('\\- lijst');
    expect(md('VT-2025-014')).toBe('VT-2025-014');
  });
});

describe('Dutch dates and initials', () => {
  it('formats in nl-BE, in Brussels time', () => {
    expect(longDate('2025-12-24')).toBe('woensdag 24 december 2025');
    expect(dateTime('2025-11-28T08:15:00Z')).toBe('28/11/2025 om 09:15');
    expect(initials('Aïsha El Amrani')).toBe('A. E. A.');
    expect(initials('Jean-Luc Vandenberghe')).toBe('J. L. V.');
  });
});

describe('guard', () => {
  const config = { WOONBEGELEIDING_MODE: 'local' as const, ALLOWED_TENANT_IDS: [] as string[] };
  const activity = { channelId: 'msteams', serviceUrl: 'http://localhost:56150/_connector', channelData: { tenant: { id: 't1' } } };

  it('local mode: loopback only', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.0.2.2')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
    expect(isLoopbackUrl('http://localhost:56150/_connector')).toBe(true);
    expect(isLoopbackUrl('https://smba.trafficmanager.net/emea/')).toBe(false);
    expect(refusalOf(activity, config)).toBeUndefined();
    expect(refusalOf({ ...activity, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, config)).toBe('service-url');
    expect(refusalOf({ ...activity, channelId: 'webchat' }, config)).toBe('channel');
  });

  it('the tenant allowlist on channelData.tenant.id', () => {
    expect(refusalOf(activity, { ...config, ALLOWED_TENANT_IDS: ['t1'] })).toBeUndefined();
    expect(refusalOf(activity, { ...config, ALLOWED_TENANT_IDS: ['t2'] })).toBe('tenant');
    const azure = { WOONBEGELEIDING_MODE: 'azure' as const, ALLOWED_TENANT_IDS: ['t1'] };
    expect(refusalOf({ ...activity, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, azure)).toBeUndefined();
    expect(refusalOf({ ...activity, serviceUrl: 'http://localhost/' }, azure)).toBe('service-url');
    expect(refusalOf({ ...activity, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, { ...azure, ALLOWED_TENANT_IDS: [] })).toBe('tenant');
  });
});
