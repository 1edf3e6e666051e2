/**
 * The task pane's files under /addin/: the page and bundle from dist/web/addin (scripts/build-web.ts;
 * in local mode built here when missing or stale) and the ribbon icons, drawn by manifest/icons.ts so
 * they exist without a package build. Office.js is not served here: the page loads it from Microsoft's
 * CDN (the browser tests answer that address with the npm copy, test/support/office-js.ts).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { ribbonIconPng, RIBBON_ICON_SIZES, type RibbonIconSize } from '../manifest/icons';
import { addinMessages } from '../shared/messages/addin';
import { serverMessages } from '../shared/messages/server';
import { problem, type Problem } from '../shared/server/problem';
import { BUNDLE_FILE, OFFICE_JS_URL, PAGE_FILE } from './web/page';

/** The checkout (or deployed app) root: the folder with package.json above this file, compiled or not. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}

const root = findRoot(__dirname);
export const WEB_DIR = path.join(root, 'dist', 'web', 'addin');

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * The page runs scripts of its own origin and Office.js's CDN only (React escapes, and this stops
 * injected scripts). Frames, connections and styles are left open: office.js frames Microsoft services
 * (seen here: its telemetry) and Fluent UI writes its styles at run time. No frame-ancestors: Outlook
 * frames the pane.
 */
export const PAGE_CSP = [`script-src 'self' ${new URL(OFFICE_JS_URL).origin}`, "object-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');

export interface StaticOptions {
  local: boolean;
  logger: Logger;
  /** Default dist/web/addin. */
  webDir?: string;
}

function sendBytes(res: Response, body: Buffer, type: string, cache: string, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': cache, 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

function sendProblem(res: Response, body: Problem): void {
  res.writeHead(body.status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function registerStatic(server: Server, options: StaticOptions): void {
  const webDir = options.webDir ?? WEB_DIR;
  let building: Promise<void> | undefined;

  /** Local mode: (re)build a missing or stale bundle, once at a time. */
  const ensureBundle = async (): Promise<void> => {
    if (!options.local) return;
    building ??= (async () => {
      try {
        // Dev tooling (esbuild) is loaded only here, in local mode: production installs no devDependencies.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildWeb, bundleIsStale } = require('../scripts/build-web') as typeof import('../scripts/build-web');
        if (bundleIsStale(webDir)) {
          const started = Date.now();
          await buildWeb({ outDir: webDir });
          options.logger.info({ ms: Date.now() - started }, 'add-in: task pane bundle built');
        }
      } finally {
        building = undefined;
      }
    })();
    return building;
  };

  const serveBuilt = (file: string, type: string, extra: Record<string, string> = {}) =>
    async function (_req: Request, res: Response): Promise<void> {
      try {
        await ensureBundle();
        sendBytes(res, await fs.readFile(path.join(webDir, file)), type, 'no-cache', extra);
      } catch (err) {
        options.logger.error({ err, file }, 'add-in: task pane not available (run npm run build:web)');
        sendProblem(res, problem(503, 'unavailable', addinMessages.api.paneUnavailable));
      }
    };

  server.get(`/addin/${PAGE_FILE}`, serveBuilt(PAGE_FILE, TYPES['.html'] as string, { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' }));
  server.get(`/addin/${BUNDLE_FILE}`, serveBuilt(BUNDLE_FILE, TYPES['.js'] as string));

  const icons = new Map<number, Buffer>();
  server.get('/addin/assets/:file', async (req: Request, res: Response) => {
    const match = /^icon-(\d{1,3})\.png$/.exec(String((req.params as Record<string, string>).file ?? ''));
    const size = Number(match?.[1]) as RibbonIconSize;
    if (!match || !RIBBON_ICON_SIZES.includes(size)) return sendProblem(res, problem(404, 'not-found', serverMessages.notFound));
    let png = icons.get(size);
    if (!png) icons.set(size, (png = ribbonIconPng(size)));
    sendBytes(res, png, 'image/png', 'public, max-age=86400');
  });
}
