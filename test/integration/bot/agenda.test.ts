/**
 * R13-R15: the agenda card posted in each partner's linked conversation (postAgendas, the CLI's
 * function), flagged from the card or from Outlook with the card updated in place, and after the
 * deadline saying whether the consultation takes place.
 */
import { flagDossier } from '../../../shared/services';
import { createServiceContext } from '../../../shared/services/context';
import { cardText, markdownLinks } from '../../unit/bot/card-validator';
import {
  cardOf,
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  startHarness,
  userOf,
  WOONKRACHT_MEETING,
  type Conversation,
  type Harness,
} from './harness';

const ONDERDAK_CHAT: Conversation = { id: '19:overleg-onderdak@thread.v2', type: 'groupChat' };
const MONTH = '2025-11'; // meeting Thu 27/11/2025, flags until Wed 26/11 included

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2025-11-20T09:00:00+01:00' }); // invitation day (R13)
  await setUpConversations(h);
  await h.say(COORDINATOR, 'koppel onderdak', ONDERDAK_CHAT);
  h.connector.clear();
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const actionsOf = (card: Record<string, unknown> | undefined) => JSON.stringify(card?.actions ?? []);
const agendaData = { card: { kind: 'agenda', partnerId: 'de-vaart', month: MONTH } };

describe('R13: postAgendas posts the agenda card in each linked conversation', () => {
  let deVaartCardId: string;

  it('posts once per linked conversation, with the three parts, the dates and the deadline', async () => {
    const result = await h.bot.postAgendas(MONTH);
    await h.bot.flush();
    expect(result.results).toEqual(
      expect.arrayContaining([
        { partnerId: 'de-vaart', conversationId: DE_VAART_CHAT.id, outcome: 'posted' },
        { partnerId: 'woonkracht', conversationId: WOONKRACHT_MEETING.id, outcome: 'posted' },
        { partnerId: 'onderdak', conversationId: ONDERDAK_CHAT.id, outcome: 'posted' },
        { partnerId: 'de-linde', outcome: 'not-linked' },
      ]),
    );
    const [post] = h.connector.posts(DE_VAART_CHAT.id);
    if (!post?.createdId) throw new Error('no agenda card posted');
    deVaartCardId = post.createdId;
    expect(post.path).toBe(`/v3/conversations/${encodeURIComponent(DE_VAART_CHAT.id)}/activities`);
    const card = cardOf(post.body);
    const text = cardText(card);
    expect(text).toContain('Structureel overleg met Begeleidingsdienst De Vaart');
    expect(text).toContain('donderdag 27 november 2025');
    expect(text).toContain('Dossiers agenderen kan tot en met woensdag 26 november 2025.');
    expect(text).toContain('Te bespreken dossiers');
    expect(text).toContain('Overzicht van de lopende dossiers');
    expect(text).toContain('Andere woonbegeleidingen');
    // The partner's button in everyone's view; the coordinator's only in the coordinator's own view.
    expect(actionsOf(card)).toContain('Dossier toevoegen ter bespreking');
    expect(actionsOf(card)).not.toContain('Conclusies noteren');
    expect(card?.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'refresh' }, userIds: ['29:user-0', '29:user-1'] });
    // R16: De Linde meets in person: its card would give the address; De Vaart's is a Teams meeting.
    expect(text).toContain('Teams-vergadering');
  });

  it('a second run does not post again but updates the card in place', async () => {
    h.connector.clear();
    const result = await h.bot.postAgendas(MONTH);
    await h.bot.flush();
    expect(result.results.filter((r) => r.outcome === 'posted')).toEqual([]);
    expect(h.connector.posts()).toHaveLength(0);
    expect(h.connector.updates(DE_VAART_CHAT.id).map((u) => u.activityId)).toEqual([deVaartCardId]);
  });

  it('R15: a member flags from the card; the card in the chat is updated in place, the problem stays plain text', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active') as (typeof h.demo.dossiers)[number];
    const problem = 'Huur niet betaald, zie [hier](https://evil.example/x) *dringend*';
    const answer = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: dossier.id, problem }, DE_VAART_CHAT, deVaartCardId);
    expect(cardText(answer)).toContain('staat op de agenda van het structureel overleg van 27/11/2025');
    const [update] = h.connector.updates(DE_VAART_CHAT.id);
    expect(update?.activityId).toBe(deVaartCardId);
    const updated = cardOf(update?.body ?? {});
    expect(cardText(updated)).toContain('Huur niet betaald');
    expect(markdownLinks(updated)).toEqual([]);
    expect(cardText(updated)).not.toContain('https://evil'); // the URL is defused (zero-width space)
    // Only this partner's conversation: the woonkracht card was not touched.
    expect(h.connector.updates(WOONKRACHT_MEETING.id)).toHaveLength(0);
  });

  it('R15: a flag from Outlook (through the same notifier) updates the card in place too', async () => {
    h.connector.clear();
    const member = userOf(h.demo, DE_VAART);
    const landlord = h.demo.landlord;
    const dossier = h.demo.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active')[1] as (typeof h.demo.dossiers)[number];
    const ctx = createServiceContext({ store: h.store, landlord, user: member!, now: '2025-11-21T10:00:00+01:00', notifier: h.bot.notifier });
    await flagDossier(ctx, { dossierId: dossier.id, problem: 'Geluidsoverlast', source: 'outlook', month: MONTH });
    await h.bot.flush();
    const [update] = h.connector.updates(DE_VAART_CHAT.id);
    expect(update?.activityId).toBe(deVaartCardId);
    expect(cardText(cardOf(update?.body ?? {}))).toContain('Geluidsoverlast');
  });

  it('a flag after the deadline is refused with the next consultation, the card shown again', async () => {
    h.setNow('2025-11-27T08:00:00+01:00');
    const dossier = h.demo.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active')[2] as (typeof h.demo.dossiers)[number];
    const answer = await h.click(DE_VAART, 'agenda.flag', { ...agendaData, dossierId: dossier.id, problem: 'Te laat' }, DE_VAART_CHAT, deVaartCardId);
    expect(cardText(answer)).toContain('Agenderen voor het structureel overleg van 27/11/2025 kon tot en met 26/11/2025');
    expect(cardText(answer)).toContain('Structureel overleg met Begeleidingsdienst De Vaart');
  });

  it('R15: after the deadline the card says whether the consultation takes place', async () => {
    h.connector.clear();
    await h.bot.postAgendas(MONTH);
    await h.bot.flush();
    const deVaart = cardText(cardOf(h.connector.updates(DE_VAART_CHAT.id)[0]?.body ?? {}));
    expect(deVaart).toContain('De agenda is afgesloten. Het overleg gaat vandaag door.');
    expect(actionsOf(cardOf(h.connector.updates(DE_VAART_CHAT.id)[0]?.body ?? {}))).not.toContain('Dossier toevoegen');
    const onderdak = cardText(cardOf(h.connector.updates(ONDERDAK_CHAT.id)[0]?.body ?? {}));
    expect(onderdak).toContain('Het structureel overleg van 27/11/2025 gaat niet door: er zijn geen dossiers te bespreken.');
  });

  it('R16: the coordinator sees "Conclusies noteren" in a personal chat once the meeting day came', async () => {
    h.setNow('2025-11-26T10:00:00+01:00');
    await h.say(COORDINATOR, 'agenda de vaart 2025-11', personal(COORDINATOR));
    expect(actionsOf(cardOf(h.connector.posts(personal(COORDINATOR).id).pop()?.body ?? {}))).not.toContain('Conclusies noteren');
    h.setNow('2025-11-27T15:00:00+01:00');
    await h.say(COORDINATOR, 'agenda de vaart 2025-11', personal(COORDINATOR));
    expect(actionsOf(cardOf(h.connector.posts(personal(COORDINATOR).id).pop()?.body ?? {}))).toContain('Conclusies noteren');
    // A member asking the same sees no such button.
    await h.say(DE_VAART, 'agenda 2025-11', personal(DE_VAART));
    expect(actionsOf(cardOf(h.connector.posts(personal(DE_VAART).id).pop()?.body ?? {}))).not.toContain('Conclusies noteren');
  });

  it('refresh gives the coordinator the view with "Conclusies noteren", a member the one without', async () => {
    const coordinatorView = await h.click(COORDINATOR, 'refresh', agendaData, DE_VAART_CHAT, deVaartCardId);
    expect(actionsOf(coordinatorView)).toContain('Conclusies noteren');
    const memberView = await h.click(DE_VAART, 'refresh', agendaData, DE_VAART_CHAT, deVaartCardId);
    expect(actionsOf(memberView)).not.toContain('Conclusies noteren');
  });
});
