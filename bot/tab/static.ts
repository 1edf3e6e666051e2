/**
 * The "Dossiers" page's files under /tab/ (personal tab and Teams dialogs): dossiers.html and
 * dossiers.js from dist/web/tab (scripts/build-web.ts `buildTab`; in local mode built here when
 * missing or stale). Registered by the composition root (shared/server/web.ts) next to the add-in's pages.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { tabMessages } from '../../shared/messages/tab';
import { problem } from '../../shared/server/problem';
import { MEETING_BUNDLE_FILE, MEETING_PAGE_FILE, OVERVIEW_BUNDLE_FILE, OVERVIEW_PAGE_FILE, TAB_BUNDLE_FILE, TAB_PAGE_FILE } from './page';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../..');
  }
}

export const TAB_WEB_DIR = path.join(findRoot(__dirname), 'dist', 'web', 'tab');

/**
 * Scripts of its own origin only. Teams frames the tab and its dialogs: frame-ancestors names the
 * Teams and Microsoft 365 hosts (and this origin, for the local Playground and tests).
 */
const PAGE_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com",
].join('; ');

export interface TabStaticOptions {
  local: boolean;
  logger: Logger;
  webDir?: string;
}

export function registerTabStatic(server: Server, options: TabStaticOptions): void {
  const webDir = options.webDir ?? TAB_WEB_DIR;
  // Per page: the first request of one page builds that page's bundle only (the overview's charts are large).
  const building = new Map<string, Promise<void>>();
  const ensureBundle = async (file: string): Promise<void> => {
    if (!options.local) return;
    let run = building.get(file);
    if (!run) {
      run = (async () => {
        try {
          // Dev tooling (esbuild) only in local mode: production installs no devDependencies.
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { buildTabPageIfStale } = require('../../scripts/build-web') as typeof import('../../scripts/build-web');
          const started = Date.now();
          if (await buildTabPageIfStale(file, webDir)) options.logger.info({ ms: Date.now() - started, file }, 'tab: page bundle built');
        } finally {
          building.delete(file);
        }
      })();
      building.set(file, run);
    }
    return run;
  };

  const serve = (file: string, type: string, extra: Record<string, string> = {}) =>
    async function (_req: Request, res: Response): Promise<void> {
      try {
        await ensureBundle(file);
        const body = await fs.readFile(path.join(webDir, file));
        res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...extra });
        res.end(body);
      } catch (err) {
        options.logger.error({ err, file }, 'tab: dossiers page not available (run npm run build:web)');
        const body = problem(503, 'unavailable', tabMessages.unavailable);
        res.writeHead(503, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      }
    };

  // The dossiers page, the meeting page (side panel, stage) and the landlord's overview.
  for (const [page, bundle] of [
    [TAB_PAGE_FILE, TAB_BUNDLE_FILE],
    [MEETING_PAGE_FILE, MEETING_BUNDLE_FILE],
    [OVERVIEW_PAGE_FILE, OVERVIEW_BUNDLE_FILE],
  ] as const) {
    server.get(`/tab/${page}`, serve(page, 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' }));
    server.get(`/tab/${bundle}`, serve(bundle, 'application/javascript; charset=utf-8'));
  }
}
