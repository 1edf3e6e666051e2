/**
 * Card actions in a shared chat act on the partner that chat is linked to only, as the chat commands
 * do, through the real /api/messages endpoint: the coordinator (who may see every partner) clicking
 * in De Vaart's chat a card of Woonkracht (forwarded or forged data, or Teams' refresh) or a form
 * naming a Woonkracht dossier gets a bare Dutch notice; nothing stored, nothing of Woonkracht shown.
 * The same click in the personal chat works: the refusal is the chat's link, not the user.
 */
import { botMessages } from '../../../shared/messages/bot';
import { cardText } from '../../unit/bot/card-validator';
import { ALERTS, COORDINATOR, DE_VAART_CHAT, personal, setUpConversations, startHarness, type Harness } from './harness';

const MONTH = '2025-11';
const woonkrachtAgenda = { card: { kind: 'agenda', partnerId: 'woonkracht', month: MONTH } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2025-11-20T09:00:00+01:00' });
  await setUpConversations(h);
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const woonkrachtOnly = () => {
  // Supported by Woonkracht, not registered by De Vaart: De Vaart does not see them.
  const found = h.demo.dossiers.filter((d) => d.supportingPartnerId === 'woonkracht' && d.registeringPartnerId !== 'de-vaart' && (d.status === 'active' || d.status === 'extended'));
  if (found.length < 2) throw new Error('demo data: two running Woonkracht dossiers De Vaart does not see');
  return found;
};

it('a card of another partner in a linked chat is refused with a bare notice and flags nothing; in the personal chat it works', async () => {
  const [dossier] = woonkrachtOnly();
  if (!dossier) throw new Error('demo data');
  const flags = h.store.forLandlord('vivendo').flags;
  const refused = await h.click(COORDINATOR, 'agenda.flag', { ...woonkrachtAgenda, dossierId: dossier.id, problem: 'Overlast' }, DE_VAART_CHAT);
  const text = cardText(refused);
  expect(text).toContain(botMessages.cardOfOtherPartner);
  expect(text).not.toContain('Woonkracht');
  expect(text).not.toContain(dossier.number);
  await h.bot.flush();
  expect(await flags.get('woonkracht', MONTH, dossier.id)).toBeUndefined();

  const allowed = await h.click(COORDINATOR, 'agenda.flag', { ...woonkrachtAgenda, dossierId: dossier.id, problem: 'Overlast' }, personal(COORDINATOR));
  expect(cardText(allowed)).toContain('staat op de agenda');
  expect(await flags.get('woonkracht', MONTH, dossier.id)).toBeDefined();
});

it("Teams' refresh of another partner's card in a linked chat shows nothing of it", async () => {
  const refreshed = await h.click(COORDINATOR, 'refresh', woonkrachtAgenda, DE_VAART_CHAT);
  expect(cardText(refreshed)).toContain(botMessages.cardOfOtherPartner);
  expect(cardText(refreshed)).not.toContain('Woonkracht');
});

it("the linked partner's own card with another partner's dossier, or a form naming one, is refused too", async () => {
  const [, dossier] = woonkrachtOnly();
  if (!dossier) throw new Error('demo data');
  const deVaartAgenda = { card: { kind: 'agenda', partnerId: 'de-vaart', month: MONTH } };
  const flag = await h.click(COORDINATOR, 'agenda.flag', { ...deVaartAgenda, dossierId: dossier.id, problem: 'Overlast' }, DE_VAART_CHAT);
  expect(cardText(flag)).toContain(botMessages.cardOfOtherPartner);
  const signal = await h.click(COORDINATOR, 'signal.submit', { card: { kind: 'signal-form' }, dossierId: dossier.id, category: 'other', description: 'Lawaai' }, DE_VAART_CHAT);
  expect(cardText(signal)).toContain(botMessages.cardOfOtherPartner);
  await h.bot.flush();
  expect(await h.store.forLandlord('vivendo').flags.get('de-vaart', MONTH, dossier.id)).toBeUndefined();
  expect(await h.store.forLandlord('vivendo').flags.get('woonkracht', MONTH, dossier.id)).toBeUndefined();
  const history = await h.store.forLandlord('vivendo').dossiers.history(dossier.id);
  expect(history?.signals ?? []).toEqual([]);
});

it("in the landlord's alert channel a card shows no dossier data", async () => {
  const refreshed = await h.click(COORDINATOR, 'refresh', woonkrachtAgenda, ALERTS);
  expect(cardText(refreshed)).toContain(botMessages.alertChannelNoData);
});
