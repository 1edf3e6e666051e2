/** The server's copies of landlords, partners and users: fresh for their time to live, forgotten on a write. */
import { DirectoryCache } from '../../../shared/store/directory-cache';

function counter(values: Array<string | undefined>) {
  let reads = 0;
  return {
    load: async () => values[Math.min(reads++, values.length - 1)],
    get reads() {
      return reads;
    },
  };
}

describe('DirectoryCache', () => {
  it('answers a copy within its time to live and reads again after', async () => {
    let now = 0;
    const cache = new DirectoryCache(30_000, () => now);
    const source = counter(['a', 'b']);
    expect(await cache.read('k', source.load)).toBe('a');
    now = 29_999;
    expect(await cache.read('k', source.load)).toBe('a');
    expect(source.reads).toBe(1);
    now = 30_000;
    expect(await cache.read('k', source.load)).toBe('b');
    expect(source.reads).toBe(2);
  });

  it('answers copies: a caller changing what it got changes nothing kept', async () => {
    const cache = new DirectoryCache(30_000, () => 0);
    const first = await cache.read('k', async () => ({ role: 'partner-member' }));
    first!.role = 'landlord-coordinator';
    expect(await cache.read('k', async () => ({ role: 'other' }))).toEqual({ role: 'partner-member' });
  });

  it('a write through it forgets the copy: a removed user is not found the next time', async () => {
    const cache = new DirectoryCache(30_000, () => 0);
    let stored: string | undefined = 'user';
    expect(await cache.read('k', async () => stored)).toBe('user');
    await cache.write('k', async () => {
      stored = undefined;
    });
    expect(await cache.read('k', async () => stored)).toBeUndefined();
  });

  it('a read that started before a write does not keep the old record', async () => {
    const cache = new DirectoryCache(30_000, () => 0);
    let release!: () => void;
    const slow = cache.read('k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    await cache.write('k', async () => undefined);
    release();
    expect(await slow).toBe('old');
    expect(await cache.read('k', async () => 'new')).toBe('new');
  });

  it('keeps nothing when off (time to live 0) and nothing that was not found', async () => {
    const off = new DirectoryCache(0);
    const source = counter(['a']);
    await off.read('k', source.load);
    await off.read('k', source.load);
    expect(source.reads).toBe(2);
    const on = new DirectoryCache(30_000, () => 0);
    const missing = counter([undefined, 'created']);
    expect(await on.read('k', missing.load)).toBeUndefined();
    expect(await on.read('k', missing.load)).toBe('created');
  });
});
