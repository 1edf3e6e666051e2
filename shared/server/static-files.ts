/**
 * The one static server of both surfaces' pages (the Outlook task pane under /addin/, the Teams pages
 * under /tab/): built files from a folder of dist/web, with their content type and headers, never
 * cached without a check (`no-cache`), `nosniff`. In local mode a missing or stale bundle is built on
 * the first request that needs it (by the surface's own `build`, once at a time per build key); a file
 * that cannot be served answers 503 with the surface's Dutch reason.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { problem, type Problem } from './problem';

/** The checkout (or deployed app) root: the folder with package.json above `from`, compiled or not. */
export function findRoot(from: string, fallback: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return fallback;
  }
}

export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  png: 'image/png',
} as const;

export function sendBytes(res: Response, body: Buffer, type: string, cache: string, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': cache, 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

export function sendProblem(res: Response, body: Problem): void {
  res.writeHead(body.status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export interface StaticFile {
  /** The file's name in `webDir`, served as `<prefix>/<file>`. */
  file: string;
  type: string;
  headers?: Record<string, string>;
}

export interface StaticFilesOptions {
  /** URL prefix, e.g. /addin. */
  prefix: string;
  webDir: string;
  local: boolean;
  logger: Logger;
  /** The Dutch reason of a 503 when a file cannot be served. */
  unavailable: string;
  /** Local mode: builds what `file` needs when missing or stale; answers whether it built. */
  build?: (file: string) => Promise<boolean>;
  /** Files that share one build (the add-in's page and bundle): the same key. Default: the file. */
  buildKey?: (file: string) => string;
}

export function registerStaticFiles(server: Server, files: readonly StaticFile[], options: StaticFilesOptions): void {
  const building = new Map<string, Promise<void>>();
  const ensureBuilt = async (file: string): Promise<void> => {
    const build = options.build;
    if (!options.local || !build) return;
    const key = options.buildKey ? options.buildKey(file) : file;
    let run = building.get(key);
    if (!run) {
      run = (async () => {
        try {
          const started = Date.now();
          if (await build(file)) options.logger.info({ ms: Date.now() - started, file }, `${options.prefix}: page bundle built`);
        } finally {
          building.delete(key);
        }
      })();
      building.set(key, run);
    }
    return run;
  };

  for (const { file, type, headers } of files) {
    server.get(`${options.prefix}/${file}`, async (_req: Request, res: Response): Promise<void> => {
      try {
        await ensureBuilt(file);
        sendBytes(res, await fs.readFile(path.join(options.webDir, file)), type, 'no-cache', headers);
      } catch (err) {
        options.logger.error({ err, file }, `${options.prefix}: page not available (run npm run build:web)`);
        sendProblem(res, problem(503, 'unavailable', options.unavailable));
      }
    });
  }
}
