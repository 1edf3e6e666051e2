/**
 * End to end in Chromium through the Microsoft 365 Agents Playground, against the product as
 * `npm start` runs it (its own Azurite and demo data in a temporary DATA_DIR):
 *   Alex Wilber (coordinator) asks for help, links the group chat "Overleg De Vaart" to De Vaart and
 *   gets the agenda card there; Megan Bowen (De Vaart) talks in the same group chat from her own
 *   playground; Alex records the conclusions of the last consultation from the agenda card in his
 *   personal chat; the confirmation card arrives in Megan's group chat and she confirms with a click.
 *
 * Run with `npm run test:e2e` (jest, this file only). Needs Debian's chromium (CHROMIUM_PATH to use
 * another); no network. The playground once exited silently on its first start: scripts/playground.ts
 * retries a start once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startPlayground, GROUP_CHAT_NAME, type RunningPlayground } from '../../../scripts/playground';
import { botMessages } from '../../../shared/messages/bot';
import { brusselsDate, monthCalendar, monthOf, nextMonth } from '../../../shared/rules/calendar';

const root = path.resolve(__dirname, '../../..');
const STEP_MS = 20_000;

jest.setTimeout(240_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function healthy(port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the product did not become healthy');
}

/** The month of the latest consultation held on or before today (its conclusions can be recorded). */
function lastMeetingMonth(): string {
  const today = brusselsDate(new Date());
  const current = monthCalendar(monthOf(today), { closingDays: [] });
  return current.meetingDate <= today ? current.month : nextMonth(current.month, -1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-e2e-'));
const output: string[] = [];
let product: ChildProcess | undefined;
let playgrounds: RunningPlayground[] = [];
let browser: Browser | undefined;
let failed = false;

async function startProduct(port: number): Promise<void> {
  // Without storage settings (jest's own Azurite is in the environment): the product starts its own.
  const { AZURE_TABLES_CONNECTION_STRING: _cs, AZURE_TABLES_ENDPOINT: _endpoint, ...inherited } = process.env;
  product = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], {
    cwd: root,
    env: { ...inherited, PORT: String(port), DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'info', WOONBEGELEIDING_MODE: 'local' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  product.stdout?.on('data', (c: Buffer) => output.push(`[product] ${c.toString().trim()}`));
  product.stderr?.on('data', (c: Buffer) => output.push(`[product] ${c.toString().trim()}`));
  await healthy(port, 60_000);
}

async function openChat(page: Page, chat: string): Promise<void> {
  await page.getByText(chat, { exact: true }).first().click();
  await page.getByRole('textbox').waitFor({ timeout: STEP_MS });
}

/** Picks in a card's dropdown (the playground draws a Fluent combobox, not a <select>): the first option matching. */
async function pick(page: Page, dropdown: ReturnType<Page['locator']>, option: RegExp): Promise<string> {
  await dropdown.click();
  const choice = page.getByRole('option', { name: option }).first();
  await choice.waitFor({ timeout: STEP_MS });
  const text = ((await choice.textContent()) ?? '').trim();
  await choice.click();
  return text;
}

/** Types a message; in a group chat the bot must be @mentioned (picked from the mention menu). */
async function say(page: Page, text: string, mention: boolean): Promise<void> {
  const box = page.getByRole('textbox');
  await box.click();
  if (mention) {
    await box.pressSequentially('@');
    await page.getByRole('menuitem', { name: /Woonbegeleiding/ }).click();
    await box.pressSequentially(' ');
  }
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
}

const visible = (page: Page, text: string | RegExp) => page.getByText(text).last().waitFor({ state: 'visible', timeout: STEP_MS });

beforeAll(async () => {
  const [port, portAlex, portMegan] = await Promise.all([freePort(), freePort(), freePort()]);
  await startProduct(port);
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  const log = (who: string) => (line: string) => output.push(`[${who}] ${line}`);
  playgrounds = await Promise.all([
    startPlayground({ as: 'alex', port: portAlex, endpoint, dataDir, onLine: log('alex') }),
    startPlayground({ as: 'megan', port: portMegan, endpoint, dataDir, onLine: log('megan') }),
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all(playgrounds.map((p) => p.stop().catch(() => undefined)));
  if (product && product.exitCode === null) {
    const exited = new Promise((resolve) => product?.once('exit', resolve));
    product.kill('SIGINT');
    await exited;
  }
  if (failed) console.log(`e2e failed; logs:\n${output.slice(-80).join('\n')}\ndata and screenshots kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
});

async function step<T>(page: Page | undefined, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    failed = true;
    await page?.screenshot({ path: path.join(dataDir, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

describe('the bot in the Agents Playground', () => {
  it('help, the agenda card in the group chat, and conclusions confirmed with a click', async () => {
    const [alexUrl, meganUrl] = playgrounds.map((p) => p.url) as [string, string];
    const alex = await (browser as Browser).newPage({ viewport: { width: 1400, height: 2000 } });
    const megan = await (browser as Browser).newPage({ viewport: { width: 1400, height: 2000 } });

    await step(alex, 'help', async () => {
      await alex.goto(alexUrl);
      await openChat(alex, 'Personal Chat');
      await say(alex, 'help', false);
      await visible(alex, 'Woonbegeleiding: wat kan ik voor je doen?');
      await visible(alex, 'Dag Alex Wilber, je bent aangemeld als coördinator bewonerscontacten.');
    });

    await step(alex, 'agenda', async () => {
      await openChat(alex, GROUP_CHAT_NAME);
      await say(alex, 'koppel de vaart', true);
      await visible(alex, /Dit gesprek is (nu|al) gekoppeld aan Begeleidingsdienst De Vaart/);
      await say(alex, 'agenda', true);
      await visible(alex, 'Structureel overleg met Begeleidingsdienst De Vaart');
      await visible(alex, 'Te bespreken dossiers');
      await alex.getByRole('button', { name: 'Dossier toevoegen ter bespreking' }).last().waitFor({ timeout: STEP_MS });
    });

    // Megan speaks in the same group chat from her own playground: the bot's reference follows her.
    await step(megan, 'megan', async () => {
      await megan.goto(meganUrl);
      await openChat(megan, GROUP_CHAT_NAME);
      await say(megan, 'help', true);
      await visible(megan, 'Dag Megan Bowen, je bent aangemeld als medewerker van een begeleidende organisatie.');
    });

    await step(alex, 'conclusions', async () => {
      await openChat(alex, 'Personal Chat');
      await say(alex, `agenda de vaart ${lastMeetingMonth()}`, false);
      await alex.getByRole('button', { name: 'Conclusies noteren' }).last().click();
      await visible(alex, 'Conclusies noteren: Begeleidingsdienst De Vaart');
      const form = alex.locator('.ac-adaptiveCard').last();
      const boxes = form.locator('input[type="checkbox"]');
      if ((await boxes.count()) > 0 && !(await boxes.first().isChecked())) await boxes.first().check();
      const areas = form.locator('textarea');
      for (let i = 0; i < (await areas.count()); i++) await areas.nth(i).fill(`Besproken en afgesproken (${i + 1}).`);
      await form.getByRole('button', { name: 'Conclusies versturen ter bevestiging' }).click();
      await visible(alex, 'De conclusies werden verstuurd ter bevestiging (1 gesprek).');
      // After sending, the card shows what was sent, not the empty form again (no second send).
      await visible(alex, 'Besproken en afgesproken (1).');
      expect(await alex.getByRole('button', { name: 'Conclusies versturen ter bevestiging' }).count()).toBe(0);
    });

    await step(megan, 'confirm', async () => {
      await visible(megan, /Conclusies van het structureel overleg van/);
      await megan.getByRole('button', { name: 'Bevestigen', exact: true }).last().click();
      await visible(megan, /Bevestigd door Megan Bowen op \d\d\/\d\d\/\d{4} om \d\d:\d\d\./);
      await expect(megan.getByRole('button', { name: 'Bevestigen', exact: true }).count()).resolves.toBe(0);
    });
  });

  it('R15: a partner flags a dossier in the group chat and withdraws it; R9: a signal\'s text is in the dossier', async () => {
    const [alexUrl, meganUrl] = playgrounds.map((p) => p.url) as [string, string];
    const megan = await (browser as Browser).newPage({ viewport: { width: 1400, height: 2000 } });
    const alex = await (browser as Browser).newPage({ viewport: { width: 1400, height: 2000 } });
    const problem = 'Eindtest: huurachterstand van twee maanden';

    await step(megan, 'flag', async () => {
      await megan.goto(meganUrl);
      await openChat(megan, GROUP_CHAT_NAME);
      await say(megan, 'agenda', true);
      await visible(megan, 'Structureel overleg met Begeleidingsdienst De Vaart');
      await megan.getByRole('button', { name: botMessages.agenda.addDossier }).last().click();
      const card = megan.locator('.ac-adaptiveCard').last();
      const number = (await pick(megan, card.getByRole('combobox').last(), /^[A-Z]{2}-\d{4}-\d{3}/)).slice(0, 11);
      await card.locator('textarea').last().fill(problem);
      await card.getByRole('button', { name: botMessages.agenda.addDossierSubmit }).click();
      // The card is updated in place: the dossier under discussion with the partner's problem.
      await visible(megan, problem);
      expect(number).toMatch(/^[A-Z]{2}-\d{4}-\d{3}$/);
    });

    await step(megan, 'withdraw', async () => {
      await megan.getByRole('button', { name: botMessages.agenda.withdraw }).last().click();
      await megan.getByRole('button', { name: botMessages.agenda.withdrawYes }).last().click();
      await megan.getByText(problem).last().waitFor({ state: 'detached', timeout: STEP_MS });
      expect(await megan.getByRole('button', { name: botMessages.agenda.withdraw }).count()).toBe(0);
    });

    const description = 'Eindtest: brandgevaar door een kookvuur op het balkon';
    const number = await step(megan, 'signal', async () => {
      await openChat(megan, 'Personal Chat');
      await say(megan, 'signaal', false);
      await visible(megan, botMessages.signal.title);
      const card = megan.locator('.ac-adaptiveCard').last();
      const boxes = card.getByRole('combobox');
      const chosen = await pick(megan, boxes.nth(0), /^[A-Z]{2}-\d{4}-\d{3}/);
      await pick(megan, boxes.nth(1), /veiligheid/i);
      await card.locator('textarea').last().fill(description);
      await card.getByRole('button', { name: botMessages.signal.send }).click();
      const n = chosen.slice(0, 11);
      await visible(megan, botMessages.signal.sentSafety(n));
      return n;
    });

    await step(alex, 'signal-in-dossier', async () => {
      await alex.goto(alexUrl);
      await openChat(alex, 'Personal Chat');
      await say(alex, `dossier ${number}`, false);
      await visible(alex, description);
    });
  });
});
