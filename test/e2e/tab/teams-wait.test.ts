/// <reference lib="dom" />
/**
 * No tab page's first load waits for teams-js where Teams is not the host. A stand-in host page (any
 * site that frames the page: same origin here, so teams-js would accept its answers) frames
 * /tab/dossiers.html and holds teams-js's `initialize` unanswered: the page shows itself (the
 * development sign-in of local mode) while the question is still open. When the host answers after
 * all, the page starts over signed in through Teams (getAuthToken). Only the order of events is
 * asserted, never a duration: the pages' clock is paused until the page shows, so no timeout can have
 * ended a wait before it.
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addinMessages } from '../../../shared/messages/addin';
import { tabMessages as msg } from '../../../shared/messages/tab';
import { PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';
import { CHROMIUM, hasChromium, launchChromium } from '../../support/browser';
import { startProduct, stopProduct, type Product } from '../../support/product';

jest.setTimeout(300_000);

/** A framing host that speaks teams-js only when told to: `initialize` waits for window.answerTeams(). */
const hostHtml = `<!doctype html><html><head><meta charset="utf-8"><title>Portaal</title></head><body style="margin:0">
<iframe id="app" style="border:0;width:100vw;height:100vh"></iframe>
<script>
const q = new URLSearchParams(location.search);
window.events = [];
const held = [];
const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { dialog: { url: {} }, pages: { config: {} }, teamsCore: {} } };
const answer = (m) => {
  const app = document.getElementById('app').contentWindow;
  let args = [];
  if (m.func === 'initialize') args = ['content', 'web', JSON.stringify(runtime), '2.58.0'];
  else if (m.func === 'getContext') args = [{ frameContext: 'content', locale: 'nl-be', hostClientType: 'web', theme: 'default', appSessionId: 's-1', tid: '${PLAYGROUND_TENANT}' }];
  else if (m.func === 'authentication.getAuthToken') args = [true, q.get('token')];
  window.events.push('answered ' + m.func);
  app.postMessage({ id: m.id, uuid: m.uuid, args }, location.origin);
};
window.answerTeams = () => held.splice(0).forEach(answer);
window.addEventListener('message', (e) => {
  const app = document.getElementById('app').contentWindow;
  if (e.source !== app || !e.data || typeof e.data.id !== 'number') return;
  window.events.push('asked ' + e.data.func);
  if (e.data.func === 'initialize') held.push(e.data);
  else answer(e.data);
});
document.getElementById('app').src = q.get('src');
</script></body></html>`;

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`e2e tab host test skipped: no Chromium at ${CHROMIUM}`);

maybe('tab pages framed by a host that is not Teams (Chromium)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-e2e-teams-wait-'));
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct(dataDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopProduct(product);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const token = async (n: number): Promise<string> => {
    const response = await fetch(`${product.url}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: PLAYGROUND_TENANT, objectId: playgroundUser(n) }) });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  async function framed(src: string, options: { clockPaused?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-BE' });
    // The first request builds the page's bundle (local mode): slow on a busy machine.
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    if (options.clockPaused) {
      // No timer of the pages fires until resumed: what shows cannot be the end of a wait.
      await page.clock.install();
      await page.clock.pauseAt(new Date(Date.now() + 60_000));
    }
    await page.route(`${product.url}/portal.html*`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: hostHtml }));
    await page.goto(`${product.url}/portal.html?token=${encodeURIComponent(await token(0))}&src=${encodeURIComponent(src)}`, { waitUntil: 'domcontentloaded' });
    return page;
  }

  const events = (page: Page) => page.evaluate(() => (window as unknown as { events: string[] }).events);
  const teamsState = (page: Page) => page.frameLocator('#app').locator('html').getAttribute('data-teams');

  it('shows the page while teams-js has no answer yet, and signs in through Teams once the host answers', async () => {
    const page = await framed('/tab/dossiers.html', { clockPaused: true });
    const app = page.frameLocator('#app');

    // The page is there, usable, while the host has been asked and has not answered, and no timer ran.
    await app.getByRole('combobox', { name: addinMessages.signIn.userLabel }).waitFor();
    expect(await events(page)).toEqual(['asked initialize']);
    expect(await teamsState(page)).toBe('pending');
    await page.clock.resume();

    // The host answers after all: the page starts over with Teams's single sign-on, no picker.
    await page.evaluate(() => (window as unknown as { answerTeams(): void }).answerTeams());
    await app.getByRole('heading', { name: msg.list.heading }).waitFor();
    expect(await app.getByRole('combobox', { name: addinMessages.signIn.userLabel }).count()).toBe(0);
    expect(await teamsState(page)).toBe('ready');
    expect(await events(page)).toEqual(expect.arrayContaining(['answered initialize', 'asked authentication.getAuthToken', 'answered authentication.getAuthToken']));
    const order = await events(page);
    expect(order.indexOf('answered initialize')).toBeLessThan(order.indexOf('asked authentication.getAuthToken'));
    await page.context().close();
  });

  it('a host that never answers: the development sign-in works in the frame all the same', async () => {
    const page = await framed('/tab/dossiers.html');
    const app = page.frameLocator('#app');
    const picker = app.getByRole('combobox', { name: addinMessages.signIn.userLabel });
    await picker.waitFor();
    const value = await picker.evaluate((select) => Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith('Alex Wilber'))?.value ?? '');
    await picker.selectOption(value);
    await app.getByRole('button', { name: addinMessages.signIn.button }).click();
    await app.getByRole('heading', { name: msg.list.heading }).waitFor();
    expect(await events(page)).toEqual(['asked initialize']);
    await page.context().close();
  });

  it('its own window: no teams-js question, the page at once', async () => {
    const context = await browser.newContext({ locale: 'nl-BE' });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    await page.goto(`${product.url}/tab/dossiers.html`);
    await page.getByRole('combobox', { name: addinMessages.signIn.userLabel }).waitFor();
    expect(await page.locator('html').getAttribute('data-teams')).toBe('absent');
    await context.close();
  });
});
