/**
 * The "Dossiers" page's files under /tab/ (personal tab and Teams dialogs): dossiers.html and
 * dossiers.js from dist/web/tab (scripts/build-web.ts `buildTab`; in local mode built here when
 * missing or stale). Registered by the composition root (shared/server/web.ts) next to the add-in's pages.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { tabMessages } from '../../shared/messages/tab';
import { CONTENT_TYPES, findRoot, registerStaticFiles, type StaticFile } from '../../shared/server/static-files';
import { MEETING_BUNDLE_FILE, MEETING_PAGE_FILE, OVERVIEW_BUNDLE_FILE, OVERVIEW_PAGE_FILE, TAB_BUNDLE_FILE, TAB_PAGE_FILE } from './page';

export const TAB_WEB_DIR = path.join(findRoot(__dirname, path.resolve(__dirname, '../..')), 'dist', 'web', 'tab');

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
  const headers = { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' };
  // The dossiers page, the meeting page (side panel, stage) and the landlord's overview.
  const files: StaticFile[] = [
    [TAB_PAGE_FILE, TAB_BUNDLE_FILE],
    [MEETING_PAGE_FILE, MEETING_BUNDLE_FILE],
    [OVERVIEW_PAGE_FILE, OVERVIEW_BUNDLE_FILE],
  ].flatMap(([page, bundle]) => [
    { file: page as string, type: CONTENT_TYPES.html, headers },
    { file: bundle as string, type: CONTENT_TYPES.js },
  ]);
  registerStaticFiles(
    server,
    files,
    {
      prefix: '/tab',
      webDir,
      local: options.local,
      logger: options.logger,
      unavailable: tabMessages.unavailable,
      // Per page: the first request of one page builds that page's bundle only (the overview's charts are large).
      build: (file) => {
        // Dev tooling (esbuild) only in local mode: production installs no devDependencies.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildTabPageIfStale } = require('../../scripts/build-web') as typeof import('../../scripts/build-web');
        return buildTabPageIfStale(file, webDir);
      },
    },
  );
}
