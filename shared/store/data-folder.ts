/**
 * One storage per data folder. Whoever runs the local Azurite on DATA_DIR (the server of `npm start`,
 * or a CLI command when no server runs) holds `DATA_DIR/storage.json`: its pid, whether it is the
 * server or the CLI, and the Azurite port once it listens. A CLI command uses the port the server
 * published; a server or command starting while a command holds the folder waits for it; a second
 * server on the folder is refused. A file whose process is gone (a crash, `kill -9`) is stale and
 * taken over. Two emulators on one folder would each write their own copy of the data back.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storeMessages } from '../messages/store';
import { azuriteConnectionString, startAzurite } from './azurite';

export type Holder = 'server' | 'cli';

export interface Published {
  holder: Holder;
  pid: number;
  /** The Azurite port, once it listens. */
  port?: number;
  /** Unique per claim: a release never removes the file of a later claim. */
  claim: string;
}

export class DataFolderBusyError extends Error {}

export const storageFile = (dataDir: string): string => path.join(dataDir, 'storage.json');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPublished(dataDir: string): Published | undefined {
  try {
    const value = JSON.parse(readFileSync(storageFile(dataDir), 'utf8')) as Partial<Published>;
    if ((value.holder === 'server' || value.holder === 'cli') && Number.isInteger(value.pid) && typeof value.claim === 'string') return value as Published;
    return undefined;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file: a reader never sees half a file. */
function writeWhole(file: string, content: Published, exclusive: boolean): boolean {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify(content));
  try {
    if (!exclusive) {
      renameSync(temporary, file);
      return true;
    }
    linkSync(temporary, file); // fails with EEXIST when the folder is held: atomic
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed away
    }
  }
}

/** Removes a file whose process is gone; moved aside first so a claim made meanwhile is not removed. */
function removeStale(dataDir: string, stale: Published): void {
  const file = storageFile(dataDir);
  const aside = `${file}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else removed it
  }
  let moved: Published | undefined;
  try {
    moved = JSON.parse(readFileSync(aside, 'utf8')) as Published;
  } catch {
    moved = undefined;
  }
  // A fresh claim slipped in between reading and moving: put it back.
  if (moved && moved.claim !== stale.claim) {
    try {
      linkSync(aside, file);
    } catch {
      // a third claim took the place: it is the holder now
    }
  }
  unlinkSync(aside);
}

export interface Claim {
  readonly holder: Holder;
  /** Publishes the port of the Azurite this holder started. */
  publish(port: number): void;
  /** Gives the folder free (only if this claim still holds it). Idempotent. */
  release(): void;
}

export type Claimed = { claim: Claim } | { server: Published & { port: number } };

export interface ClaimOptions {
  /** How long to wait for another holder (a CLI command, or a server still starting) before giving up. */
  waitMs?: number;
  pollMs?: number;
  /** Told once when it has to wait, with whom. */
  onWait?: (holder: Published) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const DEFAULT_WAIT_MS = 60_000;

/**
 * Claims DATA_DIR for `holder`. A CLI command finds a running server's published port instead
 * (`{ server }`); everyone else waits for a CLI command's claim to be given free, up to `waitMs`.
 */
export async function claimDataFolder(dataDir: string, holder: Holder, options: ClaimOptions = {}): Promise<Claimed> {
  const { waitMs = DEFAULT_WAIT_MS, pollMs = 200, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)), now = Date.now } = options;
  mkdirSync(dataDir, { recursive: true });
  const file = storageFile(dataDir);
  const started = now();
  let told = false;
  for (;;) {
    const mine: Published = { holder, pid: process.pid, claim: randomUUID() };
    if (writeWhole(file, mine, true)) return { claim: ownClaim(dataDir, mine) };
    const current = readPublished(dataDir);
    if (!current) {
      // Being written, or not ours to read: give it a moment; an unreadable file that stays is refused.
      if (now() - started > waitMs) throw new DataFolderBusyError(storeMessages.dataFolder.unreadable(file));
    } else if (!isAlive(current.pid)) {
      removeStale(dataDir, current);
      continue;
    } else if (current.holder === 'server' && holder === 'server') {
      throw new DataFolderBusyError(storeMessages.dataFolder.serverRunning(dataDir, current.pid));
    } else if (current.holder === 'server' && current.port !== undefined) {
      return { server: { ...current, port: current.port } };
    } else {
      if (now() - started > waitMs) {
        throw new DataFolderBusyError(current.holder === 'cli' ? storeMessages.dataFolder.commandRunning(dataDir, current.pid) : storeMessages.dataFolder.serverStarting(dataDir, current.pid));
      }
      if (!told) options.onWait?.(current);
      told = true;
    }
    await sleep(pollMs);
  }
}

function ownClaim(dataDir: string, mine: Published): Claim {
  const file = storageFile(dataDir);
  let released = false;
  const stillMine = () => readPublished(dataDir)?.claim === mine.claim;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (stillMine()) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  // A process that ends without release() (an error, process.exit) gives the folder free too.
  process.once('exit', release);
  return {
    holder: mine.holder,
    publish: (port) => {
      if (!released && stillMine()) writeWhole(file, { ...mine, port }, false);
    },
    release,
  };
}

export interface LocalStorage {
  connectionString: string;
  port: number;
  /** The Azurite this process started, or the server's (a CLI command while the server runs). */
  startedHere: boolean;
  azuritePid: number | undefined;
  location: string;
  /** Stops the Azurite this process started (it writes its data) and gives the folder free. */
  stop(): Promise<void>;
}

/**
 * The Azurite on DATA_DIR for `holder`: the running server's (CLI only), or one started here on the
 * folder this process now holds. The server keeps AZURITE_PORT (0: any free port); a CLI command's own
 * Azurite takes any free port, as nobody but the command itself uses it.
 */
export async function openLocalStorage(
  dataDir: string,
  holder: Holder,
  options: ClaimOptions & { port?: number } = {},
): Promise<LocalStorage> {
  const location = path.join(dataDir, 'azurite');
  const claimed = await claimDataFolder(dataDir, holder, options);
  if ('server' in claimed) {
    const { port } = claimed.server;
    return { connectionString: azuriteConnectionString(port), port, startedHere: false, azuritePid: undefined, location, stop: async () => undefined };
  }
  const { claim } = claimed;
  try {
    const azurite = await startAzurite({ location, ...(holder === 'server' && options.port ? { port: options.port } : {}) });
    claim.publish(azurite.port);
    return {
      connectionString: azurite.connectionString,
      port: azurite.port,
      startedHere: true,
      azuritePid: azurite.pid,
      location,
      stop: async () => {
        await azurite.stop();
        claim.release();
      },
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}
