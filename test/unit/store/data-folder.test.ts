/**
 * The claim on a data folder (shared/store/data-folder.ts): one holder at a time, stale claims of a
 * process that is gone are taken over, a CLI command finds the server's port, waiting ends in a Dutch
 * refusal. Time is injected: nothing here depends on how fast the machine is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimDataFolder, DataFolderBusyError, readPublished, storageFile, type Claimed } from '../../../shared/store/data-folder';

/** A pid that belonged to a process that has ended. */
const deadPid = (): number => {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  return pid as number;
};

/** A clock that moves only when the claim sleeps. */
const fakeTime = () => {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
};

const own = (claimed: Claimed) => {
  if (!('claim' in claimed)) throw new Error('expected a claim of its own');
  return claimed.claim;
};

describe('claimDataFolder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'wb-folder-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('claims a free folder, publishes the port, and gives the folder free once', async () => {
    const claim = own(await claimDataFolder(dir, 'server'));
    expect(readPublished(dir)).toMatchObject({ holder: 'server', pid: process.pid });
    expect(readPublished(dir)?.port).toBeUndefined();
    claim.publish(12345);
    expect(readPublished(dir)).toMatchObject({ holder: 'server', port: 12345 });
    claim.release();
    expect(existsSync(storageFile(dir))).toBe(false);
    claim.release();
  });

  it('a CLI command gets the running server\'s published port instead of a claim', async () => {
    const server = own(await claimDataFolder(dir, 'server'));
    server.publish(10555);
    const claimed = await claimDataFolder(dir, 'cli', fakeTime());
    expect(claimed).toEqual({ server: expect.objectContaining({ holder: 'server', port: 10555 }) });
    server.release();
  });

  it('a second server is refused at once, in Dutch, naming the folder', async () => {
    const first = own(await claimDataFolder(dir, 'server'));
    await expect(claimDataFolder(dir, 'server', fakeTime())).rejects.toThrow(new DataFolderBusyError(`Er draait al een Woonbegeleiding-server op de gegevensmap ${dir} (proces ${process.pid}). Stop die eerst, of kies een andere map met DATA_DIR.`));
    first.release();
  });

  it('while a command holds the folder, a server waits (told once) and gives up after waitMs with a Dutch reason', async () => {
    const command = own(await claimDataFolder(dir, 'cli'));
    const waits: unknown[] = [];
    const time = fakeTime();
    await expect(claimDataFolder(dir, 'server', { ...time, waitMs: 5_000, onWait: (h) => waits.push(h.holder) })).rejects.toThrow(/nog in gebruik door een woonbegeleiding-opdracht/);
    expect(waits).toEqual(['cli']);
    expect(time.now()).toBeGreaterThan(5_000);
    expect(readPublished(dir)).toMatchObject({ holder: 'cli' }); // untouched
    command.release();
  });

  it('a command waits for a server that has not published its port yet', async () => {
    const server = own(await claimDataFolder(dir, 'server'));
    let slept = 0;
    const claimed = await claimDataFolder(dir, 'cli', {
      sleep: async () => {
        if (++slept === 3) server.publish(10777);
      },
    });
    expect(claimed).toEqual({ server: expect.objectContaining({ port: 10777 }) });
    server.release();
  });

  it('a claim of a process that has ended is stale and taken over', async () => {
    writeFileSync(storageFile(dir), JSON.stringify({ holder: 'server', pid: deadPid(), port: 1, claim: 'crashed' }));
    const claim = own(await claimDataFolder(dir, 'cli', fakeTime()));
    expect(readPublished(dir)).toMatchObject({ holder: 'cli', pid: process.pid });
    claim.release();
  });

  it('a release never removes a later claim of someone else', async () => {
    const first = own(await claimDataFolder(dir, 'cli'));
    writeFileSync(storageFile(dir), JSON.stringify({ holder: 'server', pid: process.pid, claim: 'later' }));
    first.release();
    expect(readPublished(dir)).toMatchObject({ claim: 'later' });
  });

  it('an unreadable file that stays is refused after waitMs, naming the file', async () => {
    writeFileSync(storageFile(dir), 'not json');
    await expect(claimDataFolder(dir, 'cli', { ...fakeTime(), waitMs: 1_000 })).rejects.toThrow(`Het bestand ${storageFile(dir)} kan niet gelezen worden`);
  });
});
