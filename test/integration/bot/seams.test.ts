/**
 * The seams in Teams, over the real /api/messages endpoint with a stand-in connector: a flag from the
 * agenda card without consent is refused with the reason (R7, R9); when consent is withdrawn, who set a
 * flag gets a notice in their personal chat and the landlord's alert channel hears that the open
 * requests lapsed (R7); after a transfer the alert channel hears who answers the open requests now (R6).
 */
import { acceptTransfer, requestInformation, requestTransfer, withdrawConsent } from '../../../shared/services';
import { createServiceContext } from '../../../shared/services/context';
import type { Dossier, User } from '../../../shared/rules/types';
import { cardText } from '../../unit/bot/card-validator';
import {
  ALERTS,
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  startHarness,
  userOf,
  WOONKRACHT,
  type Harness,
} from './harness';

const MONTH = '2025-11';
const NOW = '2025-11-20T09:00:00+01:00';
const agendaData = { card: { kind: 'agenda', partnerId: 'de-vaart', month: MONTH } };

let h: Harness;
let cardId: string;
let deVaart: Dossier[];
beforeAll(async () => {
  h = await startHarness({ now: NOW });
  await setUpConversations(h);
  await h.say(DE_VAART, 'help', personal(DE_VAART)); // the bot knows Megan's personal chat
  await h.bot.postAgendas(MONTH);
  await h.bot.flush();
  cardId = h.connector.posts(DE_VAART_CHAT.id)[0]?.createdId as string;
  deVaart = h.demo.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.registeringPartnerId === 'de-vaart' && d.status === 'active' && d.consent);
  h.connector.clear();
}, 300_000);
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const ctxOf = (n: number, now = NOW) =>
  createServiceContext({ store: h.store, landlord: h.demo.landlord, user: userOf(h.demo, n) as User, now, notifier: h.bot.notifier });
const texts = (conversationId: string) => h.connector.posts(conversationId).map((p) => String(p.body.text ?? ''));

it('R7, R9: a flag from the agenda card on a dossier without consent is refused with the reason, pointing to the safety report', async () => {
  const dossier = deVaart[0] as Dossier;
  await withdrawConsent(ctxOf(COORDINATOR), { dossierId: dossier.id });
  const answer = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: dossier.id, problem: 'Huurachterstand' }, DE_VAART_CHAT, cardId);
  const text = cardText(answer);
  expect(text).toContain('geen geldige toestemmingsverklaring van de huurder');
  expect(text).toContain('veiligheidssignaal');
  expect(await h.store.forLandlord(h.demo.landlord.id).flags.get('de-vaart', MONTH, dossier.id)).toBeUndefined();
});

it('R7: consent withdrawn: who set the flag gets a notice in their personal chat; the alert channel hears the open request lapsed', async () => {
  const dossier = deVaart[1] as Dossier;
  const flagged = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: dossier.id, problem: 'Overlast' }, DE_VAART_CHAT, cardId);
  expect(cardText(flagged)).toContain('staat op de agenda');
  await requestInformation(ctxOf(COORDINATOR), { dossierId: dossier.id, question: 'Hoe gaat het?' });
  h.connector.clear();
  await withdrawConsent(ctxOf(COORDINATOR, '2025-11-21T10:00:00+01:00'), { dossierId: dossier.id });
  await h.bot.flush();
  expect(texts(personal(DE_VAART).id)).toEqual([
    `Je agendering van dossier ${dossier.number} voor het structureel overleg van 27/11/2025 is ingetrokken: de huurder heeft de toestemming om informatie te delen ingetrokken. Gaat het om de veiligheid van iemand in het traject? Meld het dan als veiligheidssignaal: dat wordt altijd doorgegeven.`,
  ]);
  expect(texts(ALERTS.id)).toEqual([
    `De huurder van dossier ${dossier.number} heeft de toestemming om informatie te delen ingetrokken. 1 open informatievraag is daarom vervallen: ze wordt niet meer beantwoord of herinnerd.`,
  ]);
  // The agenda card in the partner's chat was updated: the dossier is no longer on it.
  expect(h.connector.updates(DE_VAART_CHAT.id).length).toBeGreaterThan(0);
  expect(JSON.stringify(texts(ALERTS.id))).not.toContain('Hoe gaat het');
});

it('R6: after a transfer the alert channel hears who answers the open request now', async () => {
  const dossier = deVaart[2] as Dossier;
  await requestInformation(ctxOf(COORDINATOR), { dossierId: dossier.id, question: 'Nieuws?' });
  await requestTransfer(ctxOf(DE_VAART), { dossierId: dossier.id, toPartnerId: 'woonkracht', reason: 'Geen plaats' });
  h.connector.clear();
  await acceptTransfer(ctxOf(WOONKRACHT), { dossierId: dossier.id });
  await h.bot.flush();
  expect(texts(ALERTS.id)).toEqual([
    `Dossier ${dossier.number} is overgenomen door Woonkracht vzw (van Begeleidingsdienst De Vaart). 1 open informatievraag wordt nu beantwoord door Woonkracht vzw.`,
  ]);
});
