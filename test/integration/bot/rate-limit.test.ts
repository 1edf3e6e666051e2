/**
 * Per-user rate limits of the bot, through the real /api/messages endpoint (small limits set through
 * the settings): over the limit a Dutch answer and no work done (no flag stored, no card updated);
 * a card action is a write, a typed command or a card's refresh a read; time moving on lifts it.
 */
import { botMessages } from '../../../shared/messages/bot';
import { cardText } from '../../unit/bot/card-validator';
import { cardOf, DE_VAART, DE_VAART_CHAT, personal, setUpConversations, startHarness, type Harness } from './harness';

const MONTH = '2025-11';
const agendaData = { card: { kind: 'agenda', partnerId: 'de-vaart', month: MONTH } };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: '2025-11-20T09:00:00+01:00',
    env: { RATE_LIMIT_READ_BURST: '5', RATE_LIMIT_READS_PER_MINUTE: '6', RATE_LIMIT_WRITE_BURST: '1', RATE_LIMIT_WRITES_PER_MINUTE: '2' },
  });
  await setUpConversations(h);
  await h.bot.postAgendas(MONTH);
  await h.bot.flush();
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const repliesIn = (conversationId: string) => h.connector.posts(conversationId).map((p) => p.body);

it('a typed command over the limit gets a Dutch answer and nothing else', async () => {
  h.setNow('2025-11-20T10:00:00+01:00');
  h.connector.clear();
  for (let i = 0; i < 5; i++) await h.say(DE_VAART, 'agenda', personal(DE_VAART));
  expect(repliesIn(personal(DE_VAART).id).every((r) => cardOf(r) !== undefined)).toBe(true);
  h.connector.clear();
  await h.say(DE_VAART, 'agenda', personal(DE_VAART));
  expect(repliesIn(personal(DE_VAART).id)).toEqual([expect.objectContaining({ type: 'message', text: botMessages.tooManyActions(10) })]);
  expect(botMessages.tooManyActions(10)).toBe('Je stuurde te veel berichten of klikken kort na elkaar. Wacht 10 seconden en probeer het dan opnieuw; er is niets gewijzigd.');

  h.setNow('2025-11-20T10:00:10+01:00');
  h.connector.clear();
  await h.say(DE_VAART, 'agenda', personal(DE_VAART));
  expect(cardOf(repliesIn(personal(DE_VAART).id)[0] ?? {})).toBeDefined();
});

it('a card action over the write limit answers a Dutch notice card and flags nothing; a refresh (a read) still renders', async () => {
  h.setNow('2025-11-20T11:00:00+01:00');
  const [first, second] = h.demo.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active');
  if (!first || !second) throw new Error('demo data');
  const flags = h.store.forLandlord('vivendo').flags;

  const ok = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: first.id, problem: 'Huur niet betaald' }, DE_VAART_CHAT);
  expect(cardText(ok)).toContain('staat op de agenda');
  await h.bot.flush();
  h.connector.clear();

  const refused = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: second.id, problem: 'Overlast' }, DE_VAART_CHAT);
  expect(cardText(refused)).toContain(botMessages.tooManyActions(30));
  await h.bot.flush();
  expect(await flags.get('de-vaart', MONTH, second.id)).toBeUndefined();
  expect(h.connector.updates(DE_VAART_CHAT.id)).toEqual([]); // the agenda card was not touched

  const refreshed = await h.click(DE_VAART, 'refresh', agendaData, DE_VAART_CHAT);
  expect(cardText(refreshed)).toContain('Structureel overleg met Begeleidingsdienst De Vaart');

  h.setNow('2025-11-20T11:00:30+01:00');
  const again = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: second.id, problem: 'Overlast' }, DE_VAART_CHAT);
  expect(cardText(again)).toContain('staat op de agenda');
  expect(await flags.get('de-vaart', MONTH, second.id)).toBeDefined();
});
