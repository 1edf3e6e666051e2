/** Two instances (two job runners) on one storage, at the same moments, concurrently (replay.ts). */
import { counts } from './jobs-world';
import { busyMails, busyPosts, busyHours, postsOf, replay, sendsOf, withoutHash } from './replay';

describe('two instances on one storage', () => {
  it('never both send: each mail, meeting and card once in total, and all of them', async () => {
    const two = await replay(busyHours, { instances: 2 });
    expect(two.instances).toHaveLength(2);
    const sends = counts(sendsOf(two));
    expect([...sends.values()].every((c) => c === 1)).toBe(true);
    expect(withoutHash(sends.keys())).toEqual(busyMails);
    const posts = counts(postsOf(two).map((p) => p.message.key));
    expect([...posts.values()].every((c) => c === 1)).toBe(true);
    expect([...posts.keys()].sort()).toEqual(busyPosts());
    expect(two.instances.flatMap((i) => i.meetings).sort()).toEqual(['wb-vivendo-de-vaart-2026-11', 'wb-vivendo-onderdak-2026-11', 'wb-vivendo-woonkracht-2026-11']);
  }, 300_000);
});
