/** Small file helpers of the local mail folders: names from keys, and writes that happen once. */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A readable, safe and unique file name for an exactly-once key. */
export function fileNameForKey(key: string, extension: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100);
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
  return `${readable}-${hash}.${extension}`;
}

/**
 * Writes `content` to `file` only if it does not exist, atomically: a temporary file is linked to
 * its name (link fails when the name exists), so a reader never sees half a file and two processes
 * never both write it. Answers false when the file was already there.
 */
export async function writeOnce(file: string, content: string | Buffer): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content);
  try {
    await fs.link(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The names of the files with this extension in a folder ([] when the folder does not exist). */
export async function filesIn(dir: string, extension: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => n.endsWith(`.${extension}`)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
