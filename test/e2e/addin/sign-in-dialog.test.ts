/// <reference lib="dom" />
/**
 * The sign-in dialog, the add-in's last way to its API token, in Chromium: the served pane (azure mode,
 * the API on the test's Azurite, Entra's keys from a stand-in) with no broker for nested app
 * authentication and an Office single sign-on that is not supported (13003), so it opens the dialog.
 * Office.context.ui is a stand-in (office.js outside Outlook has no dialogs): displayDialogAsync frames
 * the page it is given, and a stand-in sign-in page at that address hands its token over the way
 * Office.context.ui.messageParent does (message and origin). The API still checks the token (audience,
 * scope, tenant allowlist). Closing the dialog, or Outlook refusing to open it, ends in Dutch. The
 * real sign-in page (MSAL.js redirect) is served with the pane's Content-Security-Policy.
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PAGE_CSP } from '../../../addin/static';
import { SIGN_IN_BUNDLE_FILE, SIGN_IN_PAGE_FILE } from '../../../addin/web/page';
import { buildWeb } from '../../../scripts/build-web';
import { addinMessages as msg } from '../../../shared/messages/addin';
import { accessMessages } from '../../../shared/messages/access';
import { entraMember, FOREIGN_TENANT, startHarness, type Harness } from '../../integration/addin/harness';
import { CHROMIUM, hasChromium, launchChromium } from '../../support/browser';
import { routeOfficeJs } from '../../support/office-js';

jest.setTimeout(180_000);

type DialogMode = 'sign-in' | 'close' | 'refuse';

declare global {
  interface Window {
    __dialogMode?: DialogMode;
    __dialogsOpened?: { url: string; displayInIframe?: boolean }[];
    __dialogsClosed?: number;
    __dialogSsoAsked?: number;
    __dialogMessages?: string[];
    __dialogUserCloses?: () => void;
  }
}

/**
 * Appended to office.js: once it is ready, a mailbox (so the pane takes Office), single sign-on that
 * Outlook does not support, and Office.context.ui whose dialog frames the page and passes on what that
 * page posts, as DialogMessageReceived (message, origin); `close` mode lets the user close it (12006),
 * `refuse` mode is Outlook refusing to open it (12009).
 */
const OFFICE_HOOK = `
;(function () {
  if (!window.__dialogMode) return;
  Office.onReady(function () {
    Office.context.mailbox = { item: null };
    Office.auth = { getAccessToken: function () { window.__dialogSsoAsked++; return Promise.reject({ code: 13003, message: 'unsupported' }); } };
    Office.context.ui = {
      displayDialogAsync: function (url, options, callback) {
        window.__dialogsOpened.push({ url: url, displayInIframe: options.displayInIframe });
        if (window.__dialogMode === 'refuse') return callback({ status: 'failed', error: { code: 12009 } });
        var handlers = {};
        var frame = document.createElement('iframe');
        var dialog = {
          addEventHandler: function (type, handler) { handlers[type] = handler; },
          close: function () { window.__dialogsClosed++; frame.remove(); },
        };
        window.addEventListener('message', function (e) {
          if (e.source !== frame.contentWindow || !handlers.dialogMessageReceived) return;
          window.__dialogMessages.push(e.origin);
          handlers.dialogMessageReceived({ message: e.data, origin: e.origin });
        });
        window.__dialogUserCloses = function () { handlers.dialogEventReceived({ error: 12006 }); };
        frame.src = url;
        document.body.appendChild(frame);
        callback({ status: 'succeeded', value: dialog });
        if (window.__dialogMode === 'close') setTimeout(function () { handlers.dialogEventReceived({ error: 12006 }); }, 0);
      },
    };
  });
})();
`;

function installDialog(mode: DialogMode): void {
  window.__dialogMode = mode;
  window.__dialogsOpened = [];
  window.__dialogsClosed = 0;
  window.__dialogSsoAsked = 0;
  window.__dialogMessages = [];
}

/** The stand-in sign-in page: hands `message` to the pane as Office.context.ui.messageParent would. */
const signInStandIn = (message: string) =>
  `<!doctype html><html><body><p>Aanmelden (stand-in)</p><script>parent.postMessage(${JSON.stringify(message)}, location.origin);</script></body></html>`;

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`sign-in dialog browser test skipped: no Chromium at ${CHROMIUM}`);

maybe('task pane: the sign-in dialog after nested app authentication and single sign-on (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  const webDir = mkdtempSync(path.join(tmpdir(), 'wb-dialog-'));

  beforeAll(async () => {
    await buildWeb({ outDir: webDir });
    h = await startHarness({ mode: 'azure', webDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  async function openPane(mode: DialogMode, answer?: string): Promise<{ page: Page; apiAuth: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(installDialog, mode);
    await routeOfficeJs(page, { append: OFFICE_HOOK });
    if (answer !== undefined) await page.route(`${h.url}/addin/${SIGN_IN_PAGE_FILE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: signInStandIn(answer) }));
    const apiAuth: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/') && !r.url().endsWith('/api/auth/options')) apiAuth.push(r.headers().authorization ?? '');
    });
    await page.goto(`${h.url}/addin/taskpane.html`);
    return { page, apiAuth };
  }

  const opened = (page: Page) => page.evaluate(() => window.__dialogsOpened ?? []);

  it('no broker, no single sign-on: the dialog opens our sign-in page, its token is accepted by the API', async () => {
    const accessToken = await h.token(entraMember);
    const { page, apiAuth } = await openPane('sign-in', JSON.stringify({ kind: 'token', accessToken }));
    await page.getByText(msg.pane.signedInAs(entraMember.displayName, accessMessages.roleLabel[entraMember.role])).waitFor();

    // Single sign-on was tried first; then one dialog, on the pane's own origin, in a window of its own.
    expect(await page.evaluate(() => window.__dialogSsoAsked)).toBeGreaterThan(0);
    expect(await opened(page)).toEqual([{ url: `${h.url}/addin/${SIGN_IN_PAGE_FILE}`, displayInIframe: false }]);
    expect(await page.evaluate(() => window.__dialogsClosed)).toBe(1);
    expect(apiAuth.length).toBeGreaterThan(0);
    expect(new Set(apiAuth)).toEqual(new Set([`Bearer ${accessToken}`]));
    await page.context().close();
  });

  it('a token of a tenant not on the allowlist, through the dialog: refused by the API, in Dutch', async () => {
    const accessToken = await h.token({ tenantId: FOREIGN_TENANT, objectId: entraMember.objectId });
    const { page } = await openPane('sign-in', JSON.stringify({ kind: 'token', accessToken }));
    await page.getByRole('button', { name: msg.pane.retry }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(msg.api.unauthorized);
    expect(text).not.toContain(entraMember.displayName);
    await page.context().close();
  });

  it('the sign-in page could not sign in: a Dutch message, no token sent', async () => {
    const { page, apiAuth } = await openPane('sign-in', JSON.stringify({ kind: 'failed' }));
    await page.getByText(msg.signIn.dialog.failed).waitFor();
    expect(apiAuth).toEqual([]);
    await page.context().close();
  });

  it('the user closes the dialog: a Dutch message and "Opnieuw proberen", no token sent', async () => {
    const { page, apiAuth } = await openPane('close');
    await page.getByText(msg.signIn.dialog.closed).waitFor();
    await page.getByRole('button', { name: msg.pane.retry }).waitFor();
    expect((await opened(page)).length).toBeGreaterThan(0);
    expect(apiAuth).toEqual([]);
    await page.context().close();
  });

  it('Outlook refuses to open the dialog: a Dutch message that says what to do', async () => {
    const { page, apiAuth } = await openPane('refuse');
    await page.getByText(msg.signIn.dialog.blocked).waitFor();
    expect(apiAuth).toEqual([]);
    await page.context().close();
  });

  it('a token from a page of another origin in the dialog is ignored', async () => {
    const accessToken = await h.token(entraMember);
    const stranger = 'http://stranger.example';
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(installDialog, 'sign-in' as DialogMode);
    await routeOfficeJs(page, { append: OFFICE_HOOK });
    const apiAuth: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/') && !r.url().endsWith('/api/auth/options')) apiAuth.push(r.headers().authorization ?? '');
    });
    // The dialog ends up on a stranger's page, which posts a (valid) token as if it were ours.
    await page.route(`${h.url}/addin/${SIGN_IN_PAGE_FILE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><script>location.replace('${stranger}/login')</script>` }));
    await page.route(`${stranger}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: signInStandIn(JSON.stringify({ kind: 'token', accessToken })).replace('location.origin', "'*'") }));
    await page.goto(`${h.url}/addin/taskpane.html`);
    await page.waitForFunction(() => (window.__dialogMessages ?? []).length > 0);
    expect(await page.evaluate(() => window.__dialogMessages)).toEqual([stranger]);
    // The message was handled before this close: the pane did not take the token.
    await page.evaluate(() => window.__dialogUserCloses?.());
    await page.getByText(msg.signIn.dialog.closed).waitFor();
    expect(apiAuth).toEqual([]);
    await context.close();
  });

  it('the real sign-in page is served with the pane\'s Content-Security-Policy', async () => {
    const response = await fetch(`${h.url}/addin/${SIGN_IN_PAGE_FILE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const html = await response.text();
    expect(html).toContain(msg.signIn.dialog.title);
    expect(html).toContain(SIGN_IN_BUNDLE_FILE);
    expect((await fetch(`${h.url}/addin/${SIGN_IN_BUNDLE_FILE}`)).status).toBe(200);
  });
});
