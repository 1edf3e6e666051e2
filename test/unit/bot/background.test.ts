/**
 * Background.coalesce: a burst of the same refresh (flags on one agenda) runs it twice at most, the
 * last run starting after the last request, and idle() waits for it. Work starts on the next turn of
 * the event loop, after the answer being written.
 */
import { Background } from '../../../bot/teams/runtime';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('Background.coalesce', () => {
  it('work starts after the current turn of the event loop: asks made together run once', async () => {
    const bg = new Background(() => undefined);
    const starts: number[] = [];
    let asked = 0;
    for (let i = 0; i < 10; i++) {
      asked++;
      bg.coalesce('agenda|l|p01|2026-12', 'flagChanged', async () => void starts.push(asked));
    }
    expect(starts).toEqual([]); // nothing ran yet: the answer goes out first
    await bg.idle();
    expect(starts).toEqual([10]);
  });

  it('one run and one after it for everything asked meanwhile; the second starts after the last ask', async () => {
    const errors: unknown[] = [];
    const bg = new Background((e) => errors.push(e));
    const first = gate();
    const started = gate();
    const starts: number[] = [];
    let asked = 0;
    const work = async () => {
      starts.push(asked);
      if (starts.length === 1) {
        started.open();
        await first.opened;
      }
    };
    asked++;
    bg.coalesce('agenda|l|p01|2026-12', 'flagChanged', work);
    await started.opened;
    for (let i = 1; i < 10; i++) {
      asked++;
      bg.coalesce('agenda|l|p01|2026-12', 'flagChanged', work);
    }
    first.open();
    await bg.idle();
    expect(starts).toEqual([1, 10]); // the first saw 1 ask; the second started after all 10
    expect(errors).toEqual([]);
  });

  it('other keys run on their own; a key asked again after it finished runs again', async () => {
    const bg = new Background(() => undefined);
    const runs: string[] = [];
    bg.coalesce('a', 'x', async () => void runs.push('a'));
    bg.coalesce('b', 'x', async () => void runs.push('b'));
    await bg.idle();
    bg.coalesce('a', 'x', async () => void runs.push('a'));
    await bg.idle();
    expect(runs.sort()).toEqual(['a', 'a', 'b']);
  });

  it('a failing run is reported and does not stop the run after it', async () => {
    const errors: unknown[] = [];
    const bg = new Background((e) => errors.push(e));
    const first = gate();
    const started = gate();
    let n = 0;
    const work = async () => {
      n++;
      if (n === 1) {
        started.open();
        await first.opened;
        throw new Error('connector down');
      }
    };
    bg.coalesce('k', 'x', work);
    await started.opened;
    bg.coalesce('k', 'x', work);
    first.open();
    await bg.idle();
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
