/// <reference lib="dom" />
/**
 * The consultation in the Teams meeting and the landlord's overview, end to end in Chromium on the
 * whole product (as `npm start` runs it: its own Azurite, the demo data).
 *
 * The meeting page runs inside a stand-in for Teams: a host page at the product's origin frames
 * /tab/meeting.html and answers @microsoft/teams-js's messages (initialize with frame context
 * `sidePanel` or `meetingStage`, getContext, getAuthToken with a development sign-in token,
 * meeting.shareAppContentToStage, recorded). The coordinator notes conclusions in the side panel (a
 * refusal in Dutch first), a partner member watches them appear on the stage and cannot decide, the
 * list is shared to the stage and closed; the partner confirms through the existing use case (R16)
 * and the stage shows the confirmation; the decisions are on the dossiers.
 *
 * The overview page shows, per figure, a table whose numbers are those of `woonbegeleiding report
 * --json` run as a command against the same store.
 *
 * SCREENSHOTS=dir writes the pages' screenshots there (docs/ in the README). Needs Debian's chromium.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { addinMessages } from '../../../shared/messages/addin';
import { meetingMessages as msg } from '../../../shared/messages/meeting';
import { reportMessages } from '../../../shared/messages/report';
import { brusselsDate } from '../../../shared/rules/calendar';
import { addMonths } from '../../../shared/rules/dates';
import { REPORT_MILESTONES, REPORT_STATUSES, type Report } from '../../../shared/rules/report';
import { createServiceContext } from '../../../shared/services/context';
import { confirmConclusions } from '../../../shared/services/confirm-conclusions';
import type { Store } from '../../../shared/store';
import { PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';
import { CHROMIUM, hasChromium, launchChromium } from '../../support/browser';
import { productStore, startProduct, stopProduct, type Product } from '../../support/product';

jest.setTimeout(300_000);

const PARTNER = 'de-vaart';
const root = path.resolve(__dirname, '../../..');
const shots = process.env.SCREENSHOTS ? path.resolve(process.env.SCREENSHOTS) : undefined;

/** The Teams stand-in: frames the page and answers teams-js's requests (same origin, so teams-js accepts them). */
const hostHtml = `<!doctype html><html><head><meta charset="utf-8"><title>Teams</title></head><body style="margin:0">
<iframe id="app" style="border:0;width:100vw;height:100vh"></iframe>
<script>
const q = new URLSearchParams(location.search);
const frame = q.get('frame');
window.shared = [];
window.calls = [];
const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { appInstallDialog: {}, dialog: { url: {} }, meeting: {}, pages: { appButton: {}, config: {}, tabs: {} }, teamsCore: {} } };
window.addEventListener('message', (e) => {
  const app = document.getElementById('app').contentWindow;
  if (e.source !== app || !e.data || typeof e.data.id !== 'number') return;
  const m = e.data;
  window.calls.push(m.func);
  let args = [];
  if (m.func === 'initialize') args = [frame, 'web', JSON.stringify(runtime), '2.58.0'];
  else if (m.func === 'getContext') args = [{ frameContext: frame, locale: 'nl-be', hostClientType: 'web', theme: 'default', appSessionId: 's-1', meetingId: 'meeting-1', chatId: '19:meeting_test@thread.v2', tid: '${PLAYGROUND_TENANT}' }];
  else if (m.func === 'authentication.getAuthToken') args = [true, q.get('token')];
  else if (m.func === 'meeting.shareAppContentToStage') { window.shared.push(m.args[0]); args = [null, true]; }
  app.postMessage({ id: m.id, uuid: m.uuid, args }, location.origin);
});
document.getElementById('app').src = q.get('src');
</script></body></html>`;

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`e2e meeting/overview tests skipped: no Chromium at ${CHROMIUM}`);

maybe('meeting side panel and landlord overview in Chromium (e2e)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-e2e-meeting-'));
  let product: Product;
  let browser: Browser;
  let store: Store;
  const today = brusselsDate(new Date().toISOString());
  // Last month's consultation: its meeting day has come, so conclusions can be recorded.
  const month = addMonths(today, -1).slice(0, 7);

  beforeAll(async () => {
    product = await startProduct(dataDir);
    store = await productStore(product);
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

  /** The meeting page inside the Teams stand-in, in frame context `frame`, signed in as demo user `n`. */
  async function inTeams(frame: 'sidePanel' | 'meetingStage', n: number): Promise<{ page: Page; app: ReturnType<Page['frameLocator']> }> {
    const context = await browser.newContext({ viewport: { width: frame === 'sidePanel' ? 420 : 1100, height: 1100 }, reducedMotion: 'reduce', locale: 'nl-BE' });
    // The first request builds the pages' bundles (local mode): slow on a busy machine.
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    await page.route(`${product.url}/teams-host.html*`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: hostHtml }));
    const src = `/tab/meeting.html?partner=${PARTNER}&month=${month}`;
    await page.goto(`${product.url}/teams-host.html?frame=${frame}&token=${encodeURIComponent(await token(n))}&src=${encodeURIComponent(src)}`, { waitUntil: 'domcontentloaded' });
    return { page, app: page.frameLocator('#app') };
  }

  it('R16: the coordinator notes conclusions in the side panel, the stage follows, the list is closed and confirmed through the existing flow', async () => {
    const running = (await store.forLandlord('vivendo').dossiers.listForPartner(PARTNER)).filter((d) => d.status === 'active' || d.status === 'extended');
    const [a, b] = running;
    if (!a || !b) throw new Error('the demo data has two running dossiers of de-vaart');

    const panel = await inTeams('sidePanel', 0); // Alex Wilber, coordinator
    const stage = await inTeams('meetingStage', 1); // Megan Bowen, De Vaart
    await panel.app.getByRole('heading', { name: msg.part.toDiscuss }).waitFor();
    await stage.app.getByRole('heading', { name: msg.stageTitle('Begeleidingsdienst De Vaart') }).waitFor();
    expect(await panel.page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));

    // A refusal first: no summary, in Dutch next to the field.
    const rowA = panel.app.locator(`li[data-dossier="${a.number}"]`);
    await rowA.getByRole('button', { name: msg.note }).click();
    const formA = panel.app.getByRole('form', { name: msg.noteHeading(a.number) });
    await formA.getByRole('button', { name: msg.save }).click();
    await formA.getByText('Vul de samenvatting van de conclusie in.').waitFor();
    await formA.getByLabel(msg.summary).fill('Samen langsgaan voor de tuin');
    await formA.getByLabel(msg.decision).selectOption({ label: 'Extra huisbezoek plannen' });
    await formA.getByRole('button', { name: msg.save }).click();
    await panel.app.getByRole('status').filter({ hasText: msg.saved(a.number) }).waitFor();

    const rowB = panel.app.locator(`li[data-dossier="${b.number}"]`);
    await rowB.getByRole('button', { name: msg.note }).click();
    const formB = panel.app.getByRole('form', { name: msg.noteHeading(b.number) });
    await formB.getByLabel(msg.summary).fill('Huurder verhuist naar familie');
    await formB.getByLabel(msg.decision).selectOption({ label: 'Begeleiding stopzetten' });
    await formB.getByLabel(msg.stopReason).fill('Verhuist naar familie buiten Brugge');
    await formB.getByRole('button', { name: msg.save }).click();
    await panel.app.getByRole('status').filter({ hasText: msg.saved(b.number) }).waitFor();

    // The stage follows (refreshed), the member cannot decide.
    await stage.app.locator(`li[data-dossier="${a.number}"] [data-noted]`).waitFor({ timeout: 60_000 });
    await stage.app.locator(`li[data-dossier="${b.number}"] [data-noted]`).waitFor({ timeout: 60_000 });
    expect(await stage.app.getByRole('button', { name: msg.note }).count()).toBe(0);
    expect(await stage.app.getByRole('button', { name: msg.close }).count()).toBe(0);

    // Share to stage: Teams is asked to show this page to everyone.
    await panel.app.getByRole('button', { name: msg.shareToStage }).click();
    await panel.app.getByRole('status').filter({ hasText: msg.shared }).waitFor();
    const shared = await panel.page.evaluate(() => (window as unknown as { shared: string[] }).shared);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toContain(`/tab/meeting.html?partner=${PARTNER}&month=${month}`);
    // Every dossier is listed once: one under discussion is not repeated in the running list below it.
    const listed = await panel.app.locator('li[data-dossier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dossier')));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toContain(b.number);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await panel.page.screenshot({ path: path.join(shots, 'meeting-side-panel.png') });
    }

    // Closing the list sends the conclusions for confirmation (R16): the decisions are applied.
    await panel.app.getByRole('button', { name: msg.close }).click();
    await panel.app.getByRole('status').filter({ hasText: msg.closed }).waitFor();
    await panel.app.locator('[data-status="sent"]').waitFor();
    const ports = store.forLandlord('vivendo');
    expect(await ports.dossiers.get(b.id)).toMatchObject({ status: 'stopped', stopReason: 'Verhuist naar familie buiten Brugge' });
    expect((await ports.visits.listByDossier(a.id)).some((v) => v.kind === 'extra')).toBe(true);

    // The partner confirms as from the conclusions card (the existing use case); the stage shows it.
    const landlord = await store.landlords.get('vivendo');
    const megan = await store.users.get(PLAYGROUND_TENANT, playgroundUser(1));
    if (!landlord || !megan) throw new Error('demo landlord and users');
    await confirmConclusions(createServiceContext({ store, landlord, user: megan, now: new Date().toISOString() }), { month, partnerId: PARTNER, remark: 'Akkoord' });
    await stage.app.locator('[data-status="confirmed"]').waitFor({ timeout: 60_000 });
    expect(await stage.app.locator('[data-status="confirmed"]').textContent()).toContain('Akkoord');
    if (shots) await stage.page.screenshot({ path: path.join(shots, 'meeting-stage.png') });
  });

  it("the landlord's overview shows, under each chart, the numbers of `woonbegeleiding report --json`", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, reducedMotion: 'reduce', locale: 'nl-BE' });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/tab/overview.html`);
    const picker = page.getByRole('combobox', { name: addinMessages.signIn.userLabel });
    await picker.waitFor();
    const value = await picker.evaluate((select) => Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith('Alex Wilber'))?.value ?? '');
    await picker.selectOption(value);
    await page.getByRole('button', { name: addinMessages.signIn.button }).click();
    await page.locator('section[data-figure="signals"] table').waitFor();

    const to = today.slice(0, 7);
    const from = addMonths(`${to}-01`, -11).slice(0, 7);
    const { AZURE_TABLES_CONNECTION_STRING: _c, AZURE_TABLES_ENDPOINT: _e, ...env } = process.env;
    const cli = await promisify(execFile)(process.execPath, [path.join(root, 'bin', 'woonbegeleiding.js'), 'report', '--from', from, '--to', to, '--json'], {
      cwd: root,
      env: { ...env, DATA_DIR: dataDir, AZURITE_PORT: String(product.azuritePort), TABLE_PREFIX: 'wb' },
    });
    const report = JSON.parse(cli.stdout) as Report;

    const table = (id: string) =>
      page.locator(`section[data-figure="${id}"] table tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => Number((td.textContent ?? '').replace(/\./g, '')))));
    expect(await table('trajectories')).toEqual(report.trajectories.map((t) => REPORT_STATUSES.map((s) => t.byStatus[s])));
    expect(await table('milestones')).toEqual(REPORT_MILESTONES.map((k) => [...report.milestones.map((m) => m.byKind[k]), report.overdue.byKind[k]]));
    expect(await table('extensions')).toEqual(report.extensions.map((e) => [e.count]));
    expect(await table('closures')).toEqual(report.closures.map((q) => [q.positive, q.stopped]));
    expect(await table('consultations')).toEqual(report.consultations.map((m) => [m.held, m.skipped, m.awaitingConfirmation, m.confirmed]));
    expect(await table('signals')).toEqual(report.signals.map((s) => [s.count]));
    // The first test's consultation: held, confirmed; its stop counts in this quarter.
    expect(report.consultations.find((m) => m.month === addMonths(today, -1).slice(0, 7))).toMatchObject({ confirmed: 1 });

    // Months in Belgian Dutch; each table says which chart it stands for; the form works with the keyboard.
    await page.getByRole('columnheader', { name: reportMessages.month(report.milestones[0]?.month ?? to) }).waitFor();
    expect(await page.locator('table caption').count()).toBe(6);
    // The period's months are picked by their Dutch names; the legend keeps the labels' own capitals.
    const fromPicker = page.getByLabel(reportMessages.fromLabel);
    expect(await fromPicker.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(reportMessages.month(from));
    expect(await fromPicker.locator('option').allTextContents()).not.toContainEqual(expect.stringMatching(/January|February|March|May|June|July|August|October|December/));
    const legend = page.locator('.fui-legend__text').first();
    expect(await legend.evaluate((e) => getComputedStyle(e).textTransform)).toBe('none');
    expect(await page.locator('.fui-legend__text').allTextContents()).toContain(reportMessages.column.overdue);
    await page.getByLabel(reportMessages.toLabel).focus();
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== reportMessages.show && tabs++ < 8) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(reportMessages.show);
    await page.keyboard.press('Enter');
    await page.locator('section[data-figure="signals"] table').waitFor();
    expect(errors).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  });
});
