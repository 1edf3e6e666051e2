/// <reference lib="dom" />
/**
 * Nested app authentication in the task pane, in Chromium: the served pane (azure mode, the API on the
 * test's Azurite, Entra's keys from a stand-in) runs the real MSAL.js, whose broker is Outlook's
 * `window.nestedAppAuthBridge`; here a stub broker stands in for Outlook. The stub checks what MSAL asks
 * strictly (the API's app id, its access_as_user scope) and answers with a token signed by the Entra
 * stand-in, which the API then accepts (audience, scope, tenant allowlist): the pane shows the signed-in
 * member. A broker that refuses, outside Office (no single sign-on there), ends in a Dutch message.
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../../../scripts/build-web';
import { addinMessages as msg } from '../../../shared/messages/addin';
import { accessMessages } from '../../../shared/messages/access';
import { API_APP_ID, APP_BASE_URL, entraMember, FOREIGN_TENANT, startHarness, type Harness } from '../../integration/addin/harness';
import { CHROMIUM, hasChromium, launchChromium } from '../../support/browser';
import { routeOfficeJs } from '../../support/office-js';

jest.setTimeout(180_000);

const SCOPE = `api://${new URL(APP_BASE_URL).host}/${API_APP_ID}/access_as_user`;

interface BrokerSpec {
  accessToken: string;
  tenantId: string;
  objectId: string;
  clientId: string;
  scope: string;
  refuse: boolean;
}

declare global {
  interface Window {
    __brokerRequests?: { method: string; clientId?: string; scope?: string }[];
    __brokerProblems?: string[];
  }
}

/** Outlook's NAA bridge, as MSAL.js talks to it (BridgeProxy): JSON requests in, JSON answers out. */
function installBroker(spec: BrokerSpec): void {
  const listeners: ((message: string) => void)[] = [];
  const requests: { method: string; clientId?: string; scope?: string }[] = (window.__brokerRequests = []);
  const problems: string[] = (window.__brokerProblems = []);
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  const account = { homeAccountId: `${spec.objectId}.${spec.tenantId}`, environment: 'login.microsoftonline.com', tenantId: spec.tenantId, localAccountId: spec.objectId, username: 'medewerker@partner.example' };
  const idToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: spec.clientId, iss: `https://login.microsoftonline.com/${spec.tenantId}/v2.0`, tid: spec.tenantId, oid: spec.objectId, sub: spec.objectId, preferred_username: account.username, iat: now, exp: now + 3600 })}.`;
  const answer = (body: object) => setTimeout(() => listeners.forEach((l) => l(JSON.stringify({ messageType: 'NestedAppAuthResponse', ...body }))), 0);
  (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
    addEventListener: (_type: string, listener: (message: string) => void) => listeners.push(listener),
    removeEventListener: () => undefined,
    postMessage: (raw: string) => {
      const request = JSON.parse(raw) as { method: string; requestId: string; tokenParams?: { clientId?: string; scope?: string } };
      requests.push({ method: request.method, clientId: request.tokenParams?.clientId, scope: request.tokenParams?.scope });
      if (request.method === 'GetInitContext') {
        return answer({ requestId: request.requestId, success: true, initContext: { sdkName: 'stub-broker', sdkVersion: '1.0.0', accountContext: { homeAccountId: account.homeAccountId, environment: account.environment, tenantId: account.tenantId }, capabilities: {} } });
      }
      if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
        const params = request.tokenParams ?? {};
        if (params.clientId !== spec.clientId) problems.push(`clientId ${String(params.clientId)}`);
        if (!String(params.scope ?? '').split(' ').includes(spec.scope)) problems.push(`scope ${String(params.scope)}`);
        if (spec.refuse) return answer({ requestId: request.requestId, success: false, error: { status: 'USER_CANCEL', code: 'user_cancelled', description: 'stub: refused' } });
        return answer({ requestId: request.requestId, success: true, token: { access_token: spec.accessToken, id_token: idToken, expires_in: 3600, scope: spec.scope }, account });
      }
      problems.push(`unexpected ${request.method}`);
      return answer({ requestId: request.requestId, success: false, error: { status: 'NOT_SUPPORTED' } });
    },
  };
}

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`nested app authentication browser test skipped: no Chromium at ${CHROMIUM}`);

maybe('task pane: nested app authentication with a stub broker (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  const webDir = mkdtempSync(path.join(tmpdir(), 'wb-naa-'));

  beforeAll(async () => {
    // Azure mode builds nothing on request: the bundle is built here, as `npm run build` does.
    await buildWeb({ outDir: webDir });
    h = await startHarness({ mode: 'azure', webDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  async function openPane(spec: BrokerSpec): Promise<{ page: Page; apiAuth: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(installBroker, spec);
    await routeOfficeJs(page);
    const apiAuth: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/') && !r.url().endsWith('/api/auth/options')) apiAuth.push(r.headers().authorization ?? '');
    });
    await page.goto(`${h.url}/addin/taskpane.html`);
    return { page, apiAuth };
  }

  it('gets the API token from the broker for the API scope, and the API accepts it', async () => {
    const accessToken = await h.token(entraMember);
    const { page, apiAuth } = await openPane({ accessToken, tenantId: entraMember.tenantId, objectId: entraMember.objectId, clientId: API_APP_ID, scope: SCOPE, refuse: false });
    await page.getByText(msg.pane.signedInAs(entraMember.displayName, accessMessages.roleLabel[entraMember.role])).waitFor();

    const requests = await page.evaluate(() => window.__brokerRequests ?? []);
    expect(requests[0]?.method).toBe('GetInitContext');
    expect(requests.filter((r) => r.method === 'GetToken')).toEqual([expect.objectContaining({ clientId: API_APP_ID, scope: expect.stringContaining(SCOPE) })]);
    expect(await page.evaluate(() => window.__brokerProblems)).toEqual([]);
    // Every API call carried the broker's token, and none was refused.
    expect(apiAuth.length).toBeGreaterThan(0);
    expect(new Set(apiAuth)).toEqual(new Set([`Bearer ${accessToken}`]));
    await page.context().close();
  });

  it('a token of a tenant not on the allowlist is refused by the API, and the pane says so in Dutch', async () => {
    const stranger = { tenantId: FOREIGN_TENANT, objectId: entraMember.objectId };
    const accessToken = await h.token(stranger);
    const { page } = await openPane({ accessToken, ...stranger, clientId: API_APP_ID, scope: SCOPE, refuse: false });
    await page.getByRole('button', { name: msg.pane.retry }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(msg.api.unauthorized);
    expect(text).not.toContain(entraMember.displayName);
    expect(await page.evaluate(() => window.__brokerProblems)).toEqual([]);
    await page.context().close();
  });

  it('a broker that refuses, outside Office (no single sign-on): a Dutch message, no token sent', async () => {
    const { page, apiAuth } = await openPane({ accessToken: 'never', tenantId: entraMember.tenantId, objectId: entraMember.objectId, clientId: API_APP_ID, scope: SCOPE, refuse: true });
    await page.getByText(msg.signIn.office.other).waitFor();
    const methods = (await page.evaluate(() => window.__brokerRequests ?? [])).map((r) => r.method);
    // Silently first, then the broker's own prompt.
    expect(methods).toEqual(['GetInitContext', 'GetToken', 'GetTokenPopup']);
    expect(apiAuth).toEqual([]);
    await page.context().close();
  });
});
