/// <reference lib="dom" />
/**
 * The task pane end to end, as a partner uses it: the whole product started as `npm start` does
 * (its own Azurite, demo data), the pane in Chromium with the real office.js (the page names Microsoft's
 * CDN; the test answers it with the npm copy, test/support/office-js.ts) and a mailbox injected in its place (office.js outside Outlook has none), signed in with the
 * development sign-in. Read mode (reference in the invitation) and compose mode (reference in the
 * quoted text, summary inserted into the reply); a flag made here is in the stored agenda (R15); after
 * the deadline the pane says the list is closed and names the next consultation. The read-mode run uses
 * the keyboard only, and the pane is checked for names on every control, a visible focus and text
 * contrast.
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, hasChromium, CHROMIUM } from '../../support/browser';
import { routeOfficeJs } from '../../support/office-js';
import { productStore, startProduct, stopProduct, type Product } from '../../support/product';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addinMessages as msg } from '../../../shared/messages/addin';
import { monthCalendar, monthOf, nextMonth, nextOpenConsultation, brusselsDate } from '../../../shared/rules/calendar';
import { addDays } from '../../../shared/rules/dates';
import { getAgenda } from '../../../shared/services/get-agenda';
import { createServiceContext } from '../../../shared/services/context';
import type { Store } from '../../../shared/store';
import { PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';

const LANDLORD = 'vivendo';
const PARTNER = 'de-vaart';

jest.setTimeout(180_000);




// ---------------------------------------------------------------------------------------------
// The injected mailbox: Office.context.mailbox is set in an onReady callback appended to office.js,
// so it is there before the pane's own onReady callback runs (they run in order).

type MailboxSpec = { mode: 'read'; subject: string; body: string } | { mode: 'compose'; subject: string; body: string; bodyType: 'html' | 'text' };

declare global {
  interface Window {
    __wbMailboxSpec?: MailboxSpec;
    __wbInserted?: { data: string; coercionType: string }[];
    __wbSelect?: (spec: MailboxSpec) => void;
  }
}

function installMailbox(spec: MailboxSpec): void {
  window.__wbMailboxSpec = spec;
  window.__wbInserted = [];
}

const OFFICE_HOOK = `
;(function () {
  if (!window.__wbMailboxSpec) return;
  var ok = function (value) { return { status: 'succeeded', value: value }; };
  var itemOf = function (spec) {
    return spec.mode === 'read'
      ? { itemType: 'message', subject: spec.subject, body: { getAsync: function (type, cb) { cb(ok(spec.body)); } } }
      : {
          itemType: 'message',
          subject: { getAsync: function (cb) { cb(ok(spec.subject)); } },
          body: {
            getAsync: function (type, cb) { cb(ok(spec.body)); },
            getTypeAsync: function (cb) { cb(ok(spec.bodyType)); },
            setSelectedDataAsync: function (data, options, cb) { window.__wbInserted.push({ data: data, coercionType: options.coercionType }); cb(ok()); },
          },
        };
  };
  var handlers = [];
  var mailbox = {
    item: itemOf(window.__wbMailboxSpec),
    addHandlerAsync: function (type, handler, cb) { if (type === 'olkItemSelectedChanged') handlers.push(handler); if (cb) cb(ok()); },
  };
  // A pinned pane: the user selects another message.
  window.__wbSelect = function (spec) { mailbox.item = itemOf(spec); handlers.forEach(function (h) { h({ type: type }); }); };
  var type = 'olkItemSelectedChanged';
  Office.onReady(function () { Office.context.mailbox = mailbox; });
})();
`;

async function openPane(context: BrowserContext, product: Product, spec: MailboxSpec): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // The page's Content-Security-Policy must not block anything the pane needs.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  page.on('response', (r) => {
    // office.js probes a few optional files; everything of ours must load.
    if (r.status() >= 400 && !r.url().startsWith('https://appsforoffice.microsoft.com/') && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.addInitScript(installMailbox, spec);
  await routeOfficeJs(page, { append: OFFICE_HOOK });
  await page.goto(`${product.url}/addin/taskpane.html`);
  // Outside Outlook the pane shows itself at once and again once Office.js brings the (injected) mailbox.
  await page.waitForSelector('html[data-office="ready"]');
  return { page, problems };
}

// ---------------------------------------------------------------------------------------------
// Keyboard and accessibility helpers

/** The focused element as the accessibility tree names it, e.g. `- checkbox "VT-2025-001, ..."`. */
const focused = async (page: Page): Promise<string> => (await page.locator(':focus').ariaSnapshot().catch(() => '')).split('\n')[0] ?? '';

/** Presses Tab (only) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (aria: string) => boolean, max = 80): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const aria = await focused(page);
    if (matches(aria)) return aria;
  }
  throw new Error(`not reached with Tab; last focus: ${await focused(page)}`);
}

/** A visible focus indicator: the focused element's surroundings look different without the focus. */
async function focusIsVisible(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const r = (document.activeElement as HTMLElement).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
  await page.waitForTimeout(50);
  const withFocus = await page.screenshot({ clip });
  const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  await handle.evaluate((el) => el.blur());
  await page.waitForTimeout(50);
  const without = await page.screenshot({ clip });
  await handle.evaluate((el) => el.focus());
  return !withFocus.equals(without);
}

/** Controls without an accessible name, from the accessibility tree. */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => /^\s*- (button|checkbox|textbox|combobox|link|radio|switch|slider|spinbutton)\s*(\[.*\])?:?\s*$/.test(line));
}

/** Text whose contrast with its background is below WCAG AA (4.5:1; 3:1 for large text); disabled controls are exempt. */
async function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0').split(/[ ,/]+/).filter(Boolean).map(Number);
      return [r, g, b, m?.[1]?.split(/[ ,/]+/).filter(Boolean).length === 4 ? a : 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
    };
    const over = (top: number[], bottom: number[]) => {
      const a = top[3] ?? 1;
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a));
    };
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255]);
    };
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own || el.closest('[aria-disabled="true"], :disabled, [hidden]')) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0 || Number(style.opacity) === 0) continue;
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    }
    return bad;
  });
}

async function signInWithKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: msg.signIn.userLabel }).waitFor();
  await tabTo(page, (a) => a.startsWith('- combobox'));
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.type(name);
  await tabTo(page, (a) => a.startsWith(`- button "${msg.signIn.button}"`));
  await page.keyboard.press('Enter');
}

async function signIn(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: msg.signIn.userLabel });
  await picker.waitFor();
  const value = await picker.evaluate((select, n) => Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith(n))?.value ?? '', name);
  await picker.selectOption(value);
  await page.getByRole('button', { name: msg.signIn.button }).click();
}

// ---------------------------------------------------------------------------------------------

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`e2e add-in tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

maybe('Outlook task pane in Chromium (e2e)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-e2e-addin-'));
  let product: Product;
  let browser: Browser;
  let store: Store;
  // The consultation open now (R15) and one whose list is closed (last month's).
  const now = new Date().toISOString();
  const open = nextOpenConsultation(now, { closingDays: [] });
  const closedMonth = nextMonth(monthOf(brusselsDate(now)), -1);
  const reference = `[WB:${PARTNER}:${open.month}]`;

  beforeAll(async () => {
    product = await startProduct(dataDir);
    store = await productStore(product);
    // launch() gives the browser a fresh profile of its own (STACK.md: a fresh --user-data-dir).
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopProduct(product);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const newContext = () => browser.newContext({ viewport: { width: 420, height: 900 }, reducedMotion: 'reduce', locale: 'nl-BE' });

  /** The stored agenda of de-vaart's open consultation, as the landlord's coordinator reads it. */
  async function storedAgenda() {
    const landlord = await store.landlords.get(LANDLORD);
    const coordinator = await store.users.get(PLAYGROUND_TENANT, playgroundUser(0));
    if (!landlord || !coordinator) throw new Error('demo data missing');
    const ctx = createServiceContext({ store, landlord, user: coordinator, now: new Date().toISOString() });
    return getAgenda(ctx, { partnerId: PARTNER, month: open.month });
  }

  it('read mode, keyboard only: the invitation’s consultation, a dossier flagged, stored on the agenda (R13, R15)', async () => {
    const context = await newContext();
    const { page, problems } = await openPane(context, product, {
      mode: 'read',
      subject: `Uitnodiging structureel overleg ${reference}`,
      body: `Beste partner,\n\nHierbij de uitnodiging.\n${reference}\n`,
    });

    await signInWithKeyboard(page, 'Megan');
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(open.meetingDate) }).waitFor();
    await expect(page.getByText(msg.consultation.fromInvitation)).toBeVisibleSoon();
    await expect(page.getByText(msg.consultation.deadline(addDays(open.meetingDate, -1)))).toBeVisibleSoon();

    // No obvious accessibility faults: every control named, text contrast.
    expect(await unnamedControls(page)).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);

    await page.screenshot({ path: path.join(tmpdir(), 'wb-e2e-pane-open.png'), fullPage: true });
    // An unticked dossier reads as selectable: its label in the normal text colour (#242424), not a disabled grey.
    const label = page.locator('li label').first();
    expect(await label.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(36, 36, 36)');
    // Tick the first dossier that can be ticked, with the keyboard.
    const checkbox = await tabTo(page, (a) => /^- checkbox "[A-Z]{2}-\d{4}-\d{3}, /.test(a) && !a.includes('[checked]'));
    expect(await focusIsVisible(page)).toBe(true);
    const number = /"([A-Z]{2}-\d{4}-\d{3}),/.exec(checkbox)?.[1] as string;
    await page.keyboard.press('Space');

    // The problem statement: a labelled, required field with a counter (R13b).
    const field = await tabTo(page, (a) => a.startsWith('- textbox'));
    expect(field).toContain(msg.dossiers.problemLabel(number));
    expect(await focusIsVisible(page)).toBe(true);
    // Over the limit the counter turns red, and the error does not repeat the hint.
    await page.locator(':focus').fill('x'.repeat(501));
    await expect(page.locator('[data-counter="over"]')).toBeVisibleSoon();
    expect(await page.locator('[data-counter="over"]').evaluate((e) => getComputedStyle(e).color)).toMatch(/^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)$/);
    await expect(page.getByText(msg.dossiers.problemTooLong(500))).toBeVisibleSoon();
    expect(await page.getByText(msg.dossiers.problemHint).count()).toBe(0);
    await page.locator(':focus').fill('');
    const problem = 'Huurachterstand van twee maanden en klachten over geluidsoverlast';
    await page.keyboard.type(problem);
    await expect(page.getByText(msg.dossiers.counter(problem.length, 500), { exact: false })).toBeVisibleSoon();
    expect(await unnamedControls(page)).toEqual([]);

    await tabTo(page, (a) => a.startsWith(`- button "${msg.dossiers.add(1)}"`));
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');

    // The result is announced and focused; the row now says why it is on the list.
    const status = page.getByRole('status');
    await expect(status.getByText(msg.results.line(number, `Het dossier staat op de agenda van het structureel overleg van ${open.meetingDate.split('-').reverse().join('/')}.`))).toBeVisibleSoon();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expect(page.getByText(msg.dossiers.flagged(problem))).toBeVisibleSoon();

    // R15: in the stored agenda, from Outlook.
    const dossier = await store.forLandlord(LANDLORD).dossiers.getByNumber(number);
    const flag = await store.forLandlord(LANDLORD).flags.get(PARTNER, open.month, dossier?.id as string);
    expect(flag).toMatchObject({ problem, source: 'outlook', flaggedBy: playgroundUser(1) });
    const agenda = await storedAgenda();
    expect(agenda.toDiscuss.find((e) => e.number === number)?.reasons).toContainEqual(expect.objectContaining({ type: 'flag', problem: { personal: true, text: problem } }));

    // The withdraw button is reachable and named; it asks first, and only "Ja" withdraws (R15).
    await tabTo(page, (a) => a.startsWith(`- button "${msg.dossiers.withdrawLabel(number)}"`));
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByText(msg.dossiers.withdrawConfirm(number))).toBeVisibleSoon();
    await page.getByRole('button', { name: msg.dossiers.withdrawNo }).click();
    expect(await store.forLandlord(LANDLORD).flags.get(PARTNER, open.month, dossier?.id as string)).not.toHaveProperty('withdrawnAt');
    await page.getByRole('button', { name: msg.dossiers.withdrawLabel(number) }).click();
    await page.getByRole('button', { name: msg.dossiers.withdrawYes }).click();
    await expect(status.getByText(msg.results.line(number, `Het dossier staat niet meer op de agenda van het structureel overleg van ${open.meetingDate.split('-').reverse().join('/')}.`))).toBeVisibleSoon();
    expect(await store.forLandlord(LANDLORD).flags.get(PARTNER, open.month, dossier?.id as string)).toHaveProperty('withdrawnAt');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('compose mode: the reference from the quoted text, a dossier flagged, the summary inserted into the reply', async () => {
    const context = await newContext();
    const { page, problems } = await openPane(context, product, {
      mode: 'compose',
      subject: 'RE: Uitnodiging structureel overleg',
      body: `Hierbij onze dossiers.\n\n-----\nVan: Vivendo\nOnderwerp: Uitnodiging structureel overleg ${reference}\n`,
      bodyType: 'html',
    });
    await signIn(page, 'Megan');
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(open.meetingDate) }).waitFor();
    await expect(page.getByText(msg.consultation.fromInvitation)).toBeVisibleSoon();

    const box = page.getByRole('checkbox').first();
    const number = /"([A-Z]{2}-\d{4}-\d{3}),/.exec(await box.ariaSnapshot())?.[1] as string;
    await box.check();
    const problem = 'Geen toegang tot de woning bij het huisbezoek';
    await page.getByRole('textbox', { name: msg.dossiers.problemLabel(number) }).fill(problem);
    await page.getByRole('button', { name: msg.dossiers.add(1) }).click();
    await expect(page.getByText(msg.dossiers.flagged(problem))).toBeVisibleSoon();

    const dossier = await store.forLandlord(LANDLORD).dossiers.getByNumber(number);
    expect(await store.forLandlord(LANDLORD).flags.get(PARTNER, open.month, dossier?.id as string)).toMatchObject({ problem, source: 'outlook' });

    await page.getByRole('button', { name: msg.compose.insert }).click();
    await expect(page.getByRole('status').getByText(msg.compose.inserted)).toBeVisibleSoon();
    const inserted = await page.evaluate(() => window.__wbInserted ?? []);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]?.coercionType).toBe('html');
    expect(inserted[0]?.data).toContain(`<li>${number}: ${problem}</li>`);
    expect(inserted[0]?.data).toContain(msg.summary.intro(open.meetingDate));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('R15: after the deadline the pane says the list is closed and when the next consultation is', async () => {
    const context = await newContext();
    const { page, problems } = await openPane(context, product, { mode: 'read', subject: `Uitnodiging [WB:${PARTNER}:${closedMonth}]`, body: '' });
    await signIn(page, 'Megan');
    const closed = monthCalendar(closedMonth, { closingDays: [] });
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(closed.meetingDate) }).waitFor();
    // Last month's meeting is over: it reads in the past, with no link to come and no "gaat door".
    await expect(page.getByText(msg.consultation.over(open.meetingDate, addDays(open.meetingDate, -1)))).toBeVisibleSoon();
    const said = (await page.locator('main').textContent()) ?? '';
    expect(said).toMatch(/vond plaats op|ging niet door/);
    expect(said).not.toContain(msg.consultation.takesPlace);
    expect(said).not.toContain(msg.consultation.teamsLinkLater);
    expect(said).not.toContain(msg.consultation.closedTitle);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.screenshot({ path: path.join(tmpdir(), 'wb-e2e-pane-over.png'), fullPage: true });
    expect(await page.getByRole('button', { name: msg.dossiers.addNone }).getAttribute('aria-disabled')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a pinned pane follows the selected message (ItemChanged)', async () => {
    const context = await newContext();
    const { page, problems } = await openPane(context, product, { mode: 'read', subject: `Uitnodiging [WB:${PARTNER}:${closedMonth}]`, body: '' });
    await signIn(page, 'Megan');
    const closed = monthCalendar(closedMonth, { closingDays: [] });
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(closed.meetingDate) }).waitFor();
    const next: MailboxSpec = { mode: 'read', subject: `Uitnodiging ${reference}`, body: '' };
    await page.evaluate((spec) => window.__wbSelect?.(spec), next);
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(open.meetingDate) }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the accessibility checks above do catch faults (so their passing means something)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.setContent(`
      <style>.nofocus:focus { outline: none; }</style>
      <button></button>
      <input type="checkbox">
      <p style="color:#b0b0b0;background:#ffffff">Te licht</p>
      <button class="nofocus">Zonder focus</button>
      <button>Met focus</button>`);
    expect(await unnamedControls(page)).toEqual(['- button', '- checkbox']);
    expect(await lowContrastTexts(page)).toEqual([expect.stringContaining('Te licht')]);
    await tabTo(page, (a) => a.includes('Zonder focus'));
    expect(await focusIsVisible(page)).toBe(false);
    await tabTo(page, (a) => a.includes('Met focus'));
    expect(await focusIsVisible(page)).toBe(true);
    await context.close();
  });

  it('outside Outlook (no mailbox), with a CDN that never answers: the own organisation’s next consultation at once', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // Every request to Microsoft's CDN stays unanswered for the whole test (a network that drops them).
    const cdn = await routeOfficeJs(page, { hang: true });
    // Not `load`: the unanswered preload holds the load event, but not the pane.
    await page.goto(`${product.url}/addin/taskpane.html`, { waitUntil: 'domcontentloaded' });
    await signIn(page, 'Megan');
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(open.meetingDate) }).waitFor();
    await expect(page.getByText(msg.pane.outsideOutlook)).toBeVisibleSoon();
    expect(await page.getByRole('button', { name: msg.compose.insert }).count()).toBe(0);
    // All of that while Office.js was asked for and is still on its way.
    expect(cdn.requested).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(await page.locator('html').getAttribute('data-office')).toBe('pending');

    // ?ref= stands in for an invitation when trying the pane in a browser.
    await page.goto(`${product.url}/addin/taskpane.html?ref=${encodeURIComponent(`[WB:${PARTNER}:${closedMonth}]`)}`, { waitUntil: 'domcontentloaded' });
    const closed = monthCalendar(closedMonth, { closingDays: [] });
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(closed.meetingDate) }).waitFor();
    await expect(page.getByText(msg.consultation.fromInvitation)).toBeVisibleSoon();

    // Another organisation's invitation: said so, with the own organisation's next consultation.
    await page.goto(`${product.url}/addin/taskpane.html?ref=${encodeURIComponent('[WB:de-linde:' + open.month + ']')}`, { waitUntil: 'domcontentloaded' });
    await expect(page.getByText(msg.consultation.otherInvitation)).toBeVisibleSoon();
    await page.getByRole('heading', { level: 2, name: msg.consultation.heading(open.meetingDate) }).waitFor();
    await context.close();
  });

  it('a narrow pane: the sign-in list of users stays inside the pane', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, reducedMotion: 'reduce', locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${product.url}/addin/taskpane.html`);
    const picker = page.getByRole('combobox', { name: msg.signIn.userLabel });
    await picker.waitFor();
    await page.screenshot({ path: path.join(tmpdir(), 'wb-e2e-pane-narrow.png') });
    const box = await picker.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

// A small waiting matcher: Playwright's own `expect` is not part of playwright-core.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
    }
  }
}

expect.extend({
  async toBeVisibleSoon(locator: { first(): { waitFor(o: { state: 'visible'; timeout: number }): Promise<void> }; toString(): string }) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
      return { pass: true, message: () => `${locator.toString()} is visible` };
    } catch {
      return { pass: false, message: () => `${locator.toString()} did not become visible` };
    }
  },
});
