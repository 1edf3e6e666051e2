/**
 * A crash halfway and a restart (replay.ts): after the N-th send the process dies before it can
 * record that; a new instance starts at the next hour on the same storage. Nothing is sent twice,
 * nothing is missing: the interrupted send is found by its key once its lease expired.
 */
import { counts } from './jobs-world';
import { busyMails, busyPosts, busyHours, postsOf, replay, sendsOf, withoutHash } from './replay';

describe('a crash halfway and a restart', () => {
  it.each([1, 5, 9])('crash right after send %i: nothing sent twice, nothing missing', async (n) => {
    const crashed = await replay(busyHours, { crashAfterSends: n });
    expect(crashed.instances[0]?.dead).toBe(true);
    expect(crashed.instances.length).toBe(2);
    const sends = counts(sendsOf(crashed));
    expect([...sends.values()].every((c) => c === 1)).toBe(true);
    expect(withoutHash(sends.keys())).toEqual(busyMails);
    expect(crashed.done.filter((d) => d.outcome === 'recovered').map((d) => d.key)).toEqual([sendsOf(crashed)[n - 1]]);
    // Every Teams post happened too (a post cut off by a crash could repeat: the bot sees its key).
    expect([...new Set(postsOf(crashed).map((p) => p.message.key))].sort()).toEqual(busyPosts());
  }, 300_000);
});
