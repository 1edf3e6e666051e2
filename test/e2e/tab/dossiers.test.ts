/// <reference lib="dom" />
/**
 * The "Dossiers" page (Teams personal tab and dialogs) end to end in a plain browser, as the landlord's
 * coordinator uses it: the whole product started as `npm start` does (its own Azurite, demo data), the
 * page in Chromium with the development sign-in of local mode. A candidacy is created, signed by the
 * three parties (R1), activated with its lease start (R2), its timeline shows the overdue 3-month visit,
 * the visit is recorded with a serious defect (R17), and the dossier is on de-vaart's next agenda.
 * A refusal of the API is shown in Dutch next to its field.
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, hasChromium, CHROMIUM } from '../../support/browser';
import { pdfTextLines } from '../../support/pdf-text';
import { productStore, startProduct, stopProduct, type Product } from '../../support/product';
import type { Browser, Locator, Page } from 'playwright-core';
import { addinMessages } from '../../../shared/messages/addin';
import { tabMessages as msg } from '../../../shared/messages/tab';
import { dateInputMessages } from '../../../shared/messages/date-input';
import { brusselsDate, nextOpenConsultation } from '../../../shared/rules/calendar';
import { addMonths } from '../../../shared/rules/dates';
import { getAgenda } from '../../../shared/services/get-agenda';
import { createServiceContext } from '../../../shared/services/context';
import { requestTransfer } from '../../../shared/services/request-transfer';
import { raiseSignal } from '../../../shared/services/raise-signal';
import type { Store } from '../../../shared/store';
import { PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';

const LANDLORD = 'vivendo';
const PARTNER = 'de-vaart';

jest.setTimeout(180_000);




async function signIn(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: addinMessages.signIn.userLabel });
  await picker.waitFor();
  const value = await picker.evaluate((select, n) => Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith(n))?.value ?? '', name);
  await picker.selectOption(value);
  await page.getByRole('button', { name: addinMessages.signIn.button }).click();
}

/** After a reload the development sign-in may be remembered; sign in only when the picker shows. */
async function signInIfAsked(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: addinMessages.signIn.userLabel });
  const list = page.getByRole('heading', { level: 1 });
  await Promise.race([picker.waitFor(), list.first().waitFor()]);
  if (await picker.count()) await signIn(page, name);
}

const label = (name: string): string => {
  const text = msg.fieldLabel[name] ?? name;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A date typed as a Flemish user does (dd/mm/jjjj), then leaving the field (Tab) as the picker expects. */
async function typeDate(field: Locator, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  await field.fill(`${d}/${m}/${y}`);
  await field.press('Tab');
}

/** "4, december, 2026": how the Dutch calendar names a day (its day buttons' accessible names). */
const dayName = (iso: string): string => {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}, ${months[m - 1]}, ${y}`;
};

const maybe = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`e2e tab tests skipped: no Chromium at ${CHROMIUM}`);

maybe('Teams tab "Dossiers" in Chromium (e2e)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-e2e-tab-'));
  let product: Product;
  let browser: Browser;
  let store: Store;
  const today = brusselsDate(new Date().toISOString());
  const signedOn = addMonths(today, -6);
  const leaseStart = addMonths(today, -5);
  const tenant = 'Huurder Eindtest Tijdlijn';

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

  it('the coordinator takes a candidacy to an active trajectory, records its 3-month visit, and it is on the next agenda', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, reducedMotion: 'reduce', locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // What the page sends: the API takes ISO days, whatever the user typed or picked.
    const sent: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/dossiers')) sent.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>);
    });
    await page.goto(`${product.url}/tab/dossiers.html`);
    await signIn(page, 'Alex Wilber');

    // The list, then a new candidacy (R1).
    await page.getByRole('heading', { name: msg.list.heading }).waitFor();
    await page.getByRole('button', { name: msg.list.newCandidacy }).click();
    const candidacy = page.getByRole('form', { name: msg.forms.candidacy.title });
    // Sent empty: every required field says so at once, at its field; the form says how many.
    await candidacy.getByRole('button', { name: msg.forms.submit }).click();
    for (const name of ['tenant.name', 'registeringPartnerId', 'supportingPartnerId', 'supportWorker.name']) await candidacy.getByText(msg.forms.required(msg.fieldLabel[name] as string)).waitFor();
    await candidacy.getByText(msg.fieldsToFix(4)).waitFor();
    expect(await candidacy.getByText(msg.requiredMark).count()).toBe(5);
    await candidacy.getByLabel(label('tenant.address')).fill('Kerkstraat 1, 8000 Brugge');
    await candidacy.getByLabel(label('tenant.name')).fill(tenant);
    await candidacy.getByLabel(label('registeringPartnerId')).selectOption({ label: 'Begeleidingsdienst De Vaart' });
    await candidacy.getByLabel(label('supportingPartnerId')).selectOption({ label: 'Begeleidingsdienst De Vaart' });
    await candidacy.getByLabel(label('supportWorker.name')).fill('Begeleider Eindtest');
    await candidacy.getByRole('button', { name: msg.forms.submit }).click();
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(tenant) });
    await heading.waitFor();
    const number = ((await heading.textContent()) ?? '').split(':')[0] ?? '';
    expect(number).toMatch(/^VT-\d{4}-\d{3}$/);
    await page.getByText('Kerkstraat 1, 8000 Brugge').waitFor(); // the address entered is shown
    expect(await page.title()).toBe(`${msg.dossier.title(number)} · ${msg.title}`);

    // R1: the three signatures of the agreement.
    await page.getByRole('button', { name: msg.forms.signatures.title }).click();
    const signatures = page.getByRole('form', { name: msg.forms.signatures.title });
    // Dates are typed day first; a month-first date is refused at its field, in Dutch, and nothing is sent.
    const [sy, sm, sd] = signedOn.split('-');
    const supportWorkerSigned = signatures.getByLabel(label('signatures.supportWorker'));
    expect(await supportWorkerSigned.getAttribute('placeholder')).toBe(dateInputMessages.placeholder);
    await supportWorkerSigned.fill(`${sm}/31/${sy}`);
    await supportWorkerSigned.press('Tab');
    await signatures.getByText(dateInputMessages.invalid(`${sm}/31/${sy}`)).waitFor();
    for (const who of ['supportWorker', 'tenant', 'landlord']) await typeDate(signatures.getByLabel(label(`signatures.${who}`)), signedOn);
    expect(await supportWorkerSigned.inputValue()).toBe(`${sd}/${sm}/${sy}`);
    expect(await signatures.getByText(dateInputMessages.invalid(`${sm}/31/${sy}`)).count()).toBe(0);
    await signatures.getByRole('button', { name: msg.forms.submit }).click();
    await page.getByRole('status').filter({ hasText: msg.forms.signatures.done }).waitFor();
    expect(sent.at(-1)).toMatchObject({ signatures: { supportWorker: signedOn, tenant: signedOn, landlord: signedOn } });

    // R2: the lease start activates the trajectory; an empty date is refused next to the field first.
    await page.getByRole('button', { name: msg.forms.activate.title }).click();
    const activate = page.getByRole('form', { name: msg.forms.activate.title });
    await activate.getByRole('button', { name: msg.forms.submit }).click();
    await activate.getByText(msg.forms.required(msg.fieldLabel.leaseStart as string)).waitFor();
    await typeDate(activate.getByLabel(label('leaseStart')), leaseStart);
    await activate.getByRole('button', { name: msg.forms.submit }).click();
    await page.getByRole('status').filter({ hasText: msg.forms.activate.done }).waitFor();

    // §3: from the activation on, the tenant's contact letter: a PDF named after the dossier, not the tenant.
    const letter = page.getByRole('region', { name: msg.dossier.contactLetter.heading });
    await letter.getByRole('button', { name: msg.dossier.contactLetter.print }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), letter.getByRole('button', { name: msg.dossier.contactLetter.download }).click()]);
    expect(download.suggestedFilename()).toBe(`contactbrief-${number}.pdf`);
    const letterText = pdfTextLines(readFileSync(await download.path())).join('\n');
    expect(letterText).toContain(tenant);
    expect(letterText).toContain('Begeleidingsdienst De Vaart');
    await page.screenshot({ path: path.join(tmpdir(), 'wb-e2e-tab-contact-letter.png'), fullPage: true });

    // The timeline: lease start, the 3-month visit overdue, the planned end.
    const timeline = page.getByRole('list', { name: msg.dossier.timeline });
    await timeline.getByText(msg.timeline.leaseStart).waitFor();
    expect(await timeline.locator('li[data-type="milestone"][data-state="overdue"]').filter({ hasText: msg.timeline.milestone['home-visit-3m'] as string }).count()).toBe(1);
    expect(await timeline.locator('li[data-type="planned-end"]').count()).toBe(1);

    // R17: the 3-month visit, held today, a problem in the garden and a serious defect.
    await page.getByRole('button', { name: msg.forms.visit.title }).click();
    const visit = page.getByRole('form', { name: msg.forms.visit.title });
    // Held today: picked in the calendar (Dutch names, the week from Monday).
    await visit.getByLabel(label('heldOn')).click();
    const calendar = page.getByRole('dialog');
    await calendar.getByRole('button', { name: dayName(today), exact: true }).click();
    expect(await visit.getByLabel(label('heldOn')).inputValue()).toBe(today.split('-').reverse().join('/'));
    await visit.getByLabel(msg.formLabel.supportWorkerPresent).selectOption({ label: msg.forms.yes });
    await visit.getByLabel(msg.formLabel.findingOf(msg.forms.homePart.house as string), { exact: true }).selectOption({ label: msg.forms.ok });
    await visit.getByLabel(msg.formLabel.findingOf(msg.forms.homePart.garden as string), { exact: true }).selectOption({ label: msg.forms.notOk });
    await visit.getByLabel(msg.formLabel.seriousDefects).check();
    await visit.getByRole('button', { name: msg.forms.submit }).click();
    await page.getByRole('status').filter({ hasText: msg.forms.visit.done }).waitFor();
    expect(sent.at(-1)).toMatchObject({ heldOn: today });
    await timeline.getByText(msg.timeline.seriousDefects, { exact: false }).waitFor();
    // Wat volgt after serious defects: the next consultation takes them up (R17-R19).
    await page.getByTestId('due-next').filter({ hasText: msg.timeline.discussDefects }).waitFor();
    expect(await timeline.locator('li[data-type="milestone"][data-state="done"]').filter({ hasText: msg.timeline.milestone['home-visit-3m'] as string }).count()).toBe(1);

    // On de-vaart's next agenda (R14, R17), as the coordinator reads it from the store.
    const landlord = await store.landlords.get(LANDLORD);
    const coordinator = await store.users.get(PLAYGROUND_TENANT, playgroundUser(0));
    if (!landlord || !coordinator) throw new Error('demo data missing');
    const dossier = await store.forLandlord(LANDLORD).dossiers.getByNumber(number);
    const now = new Date().toISOString();
    const ctx = createServiceContext({ store, landlord, user: coordinator, now });
    const agenda = await getAgenda(ctx, { partnerId: PARTNER, month: nextOpenConsultation(now, { closingDays: [] }).month });
    const entry = agenda.toDiscuss.find((e) => e.dossierId === dossier?.id);
    expect(entry?.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'visit-problems', seriousDefects: true })]));

    // Back in the list, filtered on what needs attention: the dossier is there, "on the agenda".
    await page.getByRole('button', { name: msg.back }).click();
    await page.getByLabel(msg.list.attention).check();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.getByText(/^Op de agenda van /).waitFor();

    // R9: a safety signal raised by the partner: its kind, moment, organisation and text on the page.
    const megan = await store.users.get(PLAYGROUND_TENANT, playgroundUser(1));
    if (!megan) throw new Error('demo data missing');
    const description = 'Agressie tegenover de buren in de traphal, de politie kwam langs';
    await raiseSignal(createServiceContext({ store, landlord, user: megan, now: new Date().toISOString() }), { dossierId: dossier?.id as string, category: 'safety', description });
    await page.goto(`${product.url}/tab/dossiers.html?dossier=${encodeURIComponent(dossier?.id as string)}`);
    await signInIfAsked(page, 'Alex Wilber');
    const signals = page.getByRole('region', { name: msg.dossier.signals });
    await signals.getByText(description).waitFor();
    await signals.getByText(new RegExp(`doorgegeven door Begeleidingsdienst De Vaart`)).waitFor();
    await page.screenshot({ path: path.join(tmpdir(), 'wb-e2e-tab-dossier.png'), fullPage: true });
    const audit = await store.forLandlord(LANDLORD).audit.listByDossier(dossier?.id as string);
    expect(audit.filter((a) => a.action === 'signal.read' && a.actor === coordinator.objectId).length).toBeGreaterThan(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('R6: the receiving organisation sees the transfer request without tenant data and accepts it', async () => {
    // Megan (De Vaart) asks Woonkracht to take over one of De Vaart's running dossiers.
    const landlord = await store.landlords.get(LANDLORD);
    const megan = await store.users.get(PLAYGROUND_TENANT, playgroundUser(1));
    if (!landlord || !megan) throw new Error('demo data missing');
    const all = await store.forLandlord(LANDLORD).dossiers.listForPartner(PARTNER);
    const d = all.find((x) => x.supportingPartnerId === PARTNER && x.status === 'active' && !x.transfers.some((t) => t.status === 'requested'));
    if (!d) throw new Error('no running De Vaart dossier');
    const ctx = createServiceContext({ store, landlord, user: megan, now: new Date().toISOString() });
    await requestTransfer(ctx, { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Verhuist naar het werkgebied van Woonkracht' });

    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, reducedMotion: 'reduce', locale: 'nl-BE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/tab/dossiers.html`);
    await signIn(page, 'Adele Vance');
    const section = page.getByRole('region', { name: msg.transfers.heading });
    await section.getByText('Verhuist naar het werkgebied van Woonkracht').waitFor();
    expect(await section.textContent()).not.toContain(d.tenant.name);
    // Deciding takes a confirmation: cancelled, nothing happens; confirmed, it is accepted.
    await section.getByRole('button', { name: msg.transfers.acceptLabel(d.number) }).click();
    await section.getByText(msg.transfers.acceptConfirm(d.number)).waitFor();
    await section.getByRole('button', { name: msg.forms.cancel }).click();
    expect((await store.forLandlord(LANDLORD).dossiers.get(d.id))?.supportingPartnerId).toBe(PARTNER);
    await section.getByRole('button', { name: msg.transfers.acceptLabel(d.number) }).click();
    await section.getByRole('button', { name: msg.transfers.acceptYes }).click();
    await section.getByRole('status').filter({ hasText: msg.forms.transferAccept.done }).waitFor();
    // The heading stays the organisation's own after its last decision.
    await page.getByRole('region', { name: msg.transfers.heading }).waitFor();
    expect(await page.getByRole('region', { name: msg.transfers.headingLandlord }).count()).toBe(0);
    // Now Woonkracht's: in its list.
    await page.getByRole('button', { name: msg.list.open(d.number) }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the coordinator manages users: a wrong object id is refused next to its field, then the user is added", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1400 }, reducedMotion: 'reduce', locale: 'nl-BE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/tab/dossiers.html`);
    await signIn(page, 'Alex Wilber');
    const admin = page.getByRole('region', { name: msg.admin.heading });
    await admin.getByRole('button', { name: msg.admin.newUser }).click();
    const form = admin.getByRole('form', { name: msg.admin.newUser });
    // An Entra tenant is a GUID (the Playground's demo ids are not, so a real-looking one here).
    await form.getByLabel(label('tenantId')).fill('3f1e2d4c-5b6a-4789-9abc-def012345678');
    await form.getByLabel(label('objectId')).fill('geen-guid');
    await form.getByLabel(label('displayName')).fill('Nieuwe Eindtestgebruiker');
    await form.getByLabel(label('partnerId')).selectOption({ label: 'Begeleidingsdienst De Vaart' });
    await form.getByRole('button', { name: msg.forms.submit }).click();
    await form.getByText(/is geen geldige id/).waitFor();
    await form.getByLabel(label('objectId')).fill('0f1e2d3c-4b5a-4697-8877-665544332211');
    await form.getByRole('button', { name: msg.forms.submit }).click();
    await admin.getByRole('status').filter({ hasText: msg.admin.userCreated('Nieuwe Eindtestgebruiker') }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'Nieuwe Eindtestgebruiker' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
