/**
 * The task pane's files under /addin/: the page and bundle from dist/web/addin (scripts/build-web.ts;
 * in local mode built here when missing or stale) and the ribbon icons, drawn by manifest/icons.ts so
 * they exist without a package build. Office.js is not served here: the page loads it from Microsoft's
 * CDN (the browser tests answer that address with the npm copy, test/support/office-js.ts).
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { ribbonIconPng, RIBBON_ICON_SIZES, type RibbonIconSize } from '../manifest/icons';
import { addinMessages } from '../shared/messages/addin';
import { serverMessages } from '../shared/messages/server';
import { problem } from '../shared/server/problem';
import { CONTENT_TYPES, findRoot, registerStaticFiles, sendBytes, sendProblem } from '../shared/server/static-files';
import { BUNDLE_FILE, OFFICE_JS_URL, PAGE_FILE, SIGN_IN_BUNDLE_FILE, SIGN_IN_PAGE_FILE } from './web/page';

export const WEB_DIR = path.join(findRoot(__dirname, path.resolve(__dirname, '..')), 'dist', 'web', 'addin');

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

export function registerStatic(server: Server, options: StaticOptions): void {
  const webDir = options.webDir ?? WEB_DIR;
  registerStaticFiles(
    server,
    [
      { file: PAGE_FILE, type: CONTENT_TYPES.html, headers: { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' } },
      { file: BUNDLE_FILE, type: CONTENT_TYPES.js },
      // The sign-in dialog (a redirect URI of the app registration): Entra sends the user back here.
      { file: SIGN_IN_PAGE_FILE, type: CONTENT_TYPES.html, headers: { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' } },
      { file: SIGN_IN_BUNDLE_FILE, type: CONTENT_TYPES.js },
    ],
    {
      prefix: '/addin',
      webDir,
      local: options.local,
      logger: options.logger,
      unavailable: addinMessages.api.paneUnavailable,
      // The pages and their bundles are one build.
      buildKey: () => 'task pane',
      build: async () => {
        // Dev tooling (esbuild) is loaded only here, in local mode: production installs no devDependencies.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildWeb, bundleIsStale } = require('../scripts/build-web') as typeof import('../scripts/build-web');
        if (!bundleIsStale(webDir)) return false;
        await buildWeb({ outDir: webDir });
        return true;
      },
    },
  );

  const icons = new Map<number, Buffer>();
  server.get('/addin/assets/:file', async (req: Request, res: Response) => {
    const match = /^icon-(\d{1,3})\.png$/.exec(String((req.params as Record<string, string>).file ?? ''));
    const size = Number(match?.[1]) as RibbonIconSize;
    if (!match || !RIBBON_ICON_SIZES.includes(size)) return sendProblem(res, problem(404, 'not-found', serverMessages.notFound));
    let png = icons.get(size);
    if (!png) icons.set(size, (png = ribbonIconPng(size)));
    sendBytes(res, png, CONTENT_TYPES.png, 'public, max-age=86400');
  });
}
