/**
 * For browser tests only: answers Microsoft's Office.js CDN with the npm copy (@microsoft/office-js, a
 * devDependency), so the served pane, which names the CDN, runs offline. `append` adds a script after
 * office.js (a test's stand-in mailbox). `hang` leaves every CDN request unanswered instead, as a
 * network that drops them would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { OFFICE_JS_URL } from '../../addin/web/page';

const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const CDN_FOLDER = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf('/') + 1);
const TYPES: Record<string, string> = { '.js': 'application/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.gif': 'image/gif', '.png': 'image/png' };

export interface OfficeJsRoute {
  /** The CDN addresses the page asked for. */
  requested: string[];
}

export async function routeOfficeJs(page: Page, options: { append?: string; hang?: boolean } = {}): Promise<OfficeJsRoute> {
  const requested: string[] = [];
  await page.route(`${new URL(OFFICE_JS_URL).origin}/**`, async (route: Route) => {
    const url = route.request().url();
    requested.push(url);
    if (options.hang) return; // never answered
    const name = url.startsWith(CDN_FOLDER) ? decodeURIComponent(new URL(url).pathname.slice(new URL(CDN_FOLDER).pathname.length)) : '';
    const file = path.resolve(OFFICE_DIST, name);
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!name || !type || !file.startsWith(OFFICE_DIST + path.sep)) return route.fulfill({ status: 404, body: '' });
    try {
      let body = await readFile(file, 'utf8');
      if (url === OFFICE_JS_URL && options.append) body += options.append;
      await route.fulfill({ status: 200, contentType: type, body });
    } catch {
      await route.fulfill({ status: 404, body: '' });
    }
  });
  return { requested };
}
