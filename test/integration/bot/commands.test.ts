/**
 * Chat commands over HTTP (POST /api/messages), answers checked at the connector stub: help, the
 * dossiers, one dossier with its timeline and R5 contact details, contact, links, unknown users and
 * typos.
 */
import { botMessages } from '../../../shared/messages/bot';
import { cardText } from '../../unit/bot/card-validator';
import {
  ALERTS,
  cardOf,
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  STAFF,
  startHarness,
  STRANGER,
  UNLINKED_CHAT,
  type Harness,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await setUpConversations(h);
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());
afterEach(() => expect(h.connector.violations).toEqual([]));

const lastReply = (conversationId: string) => {
  const posts = h.connector.posts(conversationId);
  const last = posts[posts.length - 1];
  if (!last) throw new Error(`no reply in ${conversationId}`);
  return last;
};

describe('the bot on /api/messages', () => {
  it('answers a message with a reply to that activity (path, method, shape)', async () => {
    const activity = h.message(DE_VAART, 'help', personal(DE_VAART));
    const response = await h.send(activity);
    expect(response.status).toBe(200);
    const reply = lastReply(personal(DE_VAART).id);
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent(personal(DE_VAART).id)}/activities/${String(activity.id)}`);
    expect(reply.body).toMatchObject({ type: 'message', replyToId: activity.id, conversation: { id: personal(DE_VAART).id } });
    expect(cardText(cardOf(reply.body))).toContain('Woonbegeleiding: wat kan ik voor je doen?');
  });

  it('help lists the commands of the role: a member can raise a signal, the coordinator can link', async () => {
    await h.say(DE_VAART, 'HELP', personal(DE_VAART));
    const member = cardText(cardOf(lastReply(personal(DE_VAART).id).body));
    expect(member).toContain('signaal');
    expect(member).not.toContain('koppel <organisatie>');
    await h.say(COORDINATOR, 'Help!', personal(COORDINATOR));
    const coordinator = cardText(cardOf(lastReply(personal(COORDINATOR).id).body));
    expect(coordinator).toContain('koppel <organisatie>');
    expect(coordinator).toContain('alarmkanaal');
  });

  it('a user the system does not know gets a short Dutch explanation and no data', async () => {
    for (const text of ['help', 'mijn dossiers', 'dossier VT-2025-001', 'agenda']) await h.say(STRANGER, text, personal(STRANGER));
    const replies = h.connector.posts(personal(STRANGER).id);
    expect(replies).toHaveLength(4);
    for (const r of replies) {
      expect(r.body.text).toBe(botMessages.unknownUser);
      expect(r.body.attachments).toBeUndefined();
    }
  });

  it('R13: "agenda woonkracht november" is that month\'s agenda; a name it does not know is named in the refusal', async () => {
    await h.say(COORDINATOR, 'agenda woonkracht november', personal(COORDINATOR));
    expect(cardText(cardOf(lastReply(personal(COORDINATOR).id).body))).toContain('Overleg op donderdag 27 november 2025');
    await h.say(COORDINATOR, 'agenda woonkrcht novembr', personal(COORDINATOR));
    const refusal = lastReply(personal(COORDINATOR).id).body.text as string;
    expect(refusal).toContain('"woonkrcht novembr"');
    expect(refusal).toContain('woonkracht'); // the names to choose from
    expect(refusal).toContain('november 2025 of 2025-11');
    await h.say(DE_VAART, 'agenda onbekend', personal(DE_VAART));
    expect(lastReply(personal(DE_VAART).id).body.text).not.toContain('woonkracht'); // a member is not shown the other organisations
  });

  it('forgives case and accents, and suggests the nearest command for a typo', async () => {
    await h.say(DE_VAART, 'agnda', personal(DE_VAART));
    expect(lastReply(personal(DE_VAART).id).body.text).toBe(botMessages.didYouMean('agnda', 'agenda'));
    await h.say(DE_VAART, 'mijn dosiers', personal(DE_VAART));
    expect(lastReply(personal(DE_VAART).id).body.text).toBe(botMessages.didYouMean('mijn dosiers', 'mijn dossiers'));
    await h.say(DE_VAART, 'Mijn Dossiers', personal(DE_VAART));
    expect(cardOf(lastReply(personal(DE_VAART).id).body)).toBeDefined();
    await h.say(DE_VAART, 'xyzzy', personal(DE_VAART));
    expect(lastReply(personal(DE_VAART).id).body.text).toBe(botMessages.unknownCommand('xyzzy'));
  });

  it('mijn dossiers: names in a personal chat, initials only in the partner chat', async () => {
    const d = h.demo.dossiers.find((x) => x.supportingPartnerId === 'de-vaart' && x.status === 'active') as (typeof h.demo.dossiers)[number];
    await h.say(DE_VAART, 'mijn dossiers', personal(DE_VAART));
    expect(cardText(cardOf(lastReply(personal(DE_VAART).id).body))).toContain(d.tenant.name);
    await h.say(DE_VAART, 'mijn dossiers', DE_VAART_CHAT);
    const shared = cardText(cardOf(lastReply(DE_VAART_CHAT.id).body));
    expect(shared).toContain(d.number);
    expect(shared).not.toContain(d.tenant.name);
  });

  it('dossier <nummer>: the timeline of milestones and the R5 contact details; no address in a shared chat', async () => {
    const d = h.demo.dossiers.find((x) => x.supportingPartnerId === 'de-vaart' && x.status === 'active' && x.leaseStart) as (typeof h.demo.dossiers)[number];
    await h.say(DE_VAART, `dossier ${d.number.toLowerCase()}`, personal(DE_VAART));
    const text = cardText(cardOf(lastReply(personal(DE_VAART).id).body));
    expect(text).toContain('Tijdlijn');
    expect(text).toContain('Evaluatie na 1 maand');
    expect(text).toContain('050 11 22 01'); // R5: De Vaart's general phone number
    expect(text).toContain(d.tenant.address as string);
    await h.say(DE_VAART, `dossier ${d.number}`, DE_VAART_CHAT);
    const shared = cardText(cardOf(lastReply(DE_VAART_CHAT.id).body));
    expect(shared).toContain('Tijdlijn');
    expect(shared).not.toContain(d.tenant.name);
    expect(shared).not.toContain(d.tenant.address as string);
  });

  it('contact: R5 general contact details of the own organisation', async () => {
    await h.say(DE_VAART, 'contact', personal(DE_VAART));
    const text = cardText(cardOf(lastReply(personal(DE_VAART).id).body));
    expect(text).toContain('onthaal@devaart.example');
    expect(text).not.toContain('info@woonkracht.example');
  });

  it('an unlinked group chat and the alert channel show no dossiers', async () => {
    await h.say(COORDINATOR, 'mijn dossiers', UNLINKED_CHAT);
    expect(lastReply(UNLINKED_CHAT.id).body.text).toBe(botMessages.sharedChatNeedsLink);
    await h.say(STAFF, 'agenda', ALERTS);
    expect(lastReply(ALERTS.id).body.text).toBe(botMessages.alertChannelNoData);
  });

  it('only the coordinator links a conversation; a personal chat cannot be linked', async () => {
    await h.say(DE_VAART, 'koppel de vaart', UNLINKED_CHAT);
    expect(String(lastReply(UNLINKED_CHAT.id).body.text)).toContain('geen toestemming');
    await h.say(STAFF, 'koppel de vaart', UNLINKED_CHAT);
    expect(String(lastReply(UNLINKED_CHAT.id).body.text)).toContain('geen toestemming');
    await h.say(COORDINATOR, 'koppel de vaart', personal(COORDINATOR));
    expect(lastReply(personal(COORDINATOR).id).body.text).toBe(botMessages.linkNotInPersonalChat);
    await h.say(COORDINATOR, 'koppel de linde', UNLINKED_CHAT);
    expect(lastReply(UNLINKED_CHAT.id).body.text).toBe(botMessages.linked('Zorgnetwerk De Linde'));
    await h.say(COORDINATOR, 'alarmkanaal', UNLINKED_CHAT);
    expect(lastReply(UNLINKED_CHAT.id).body.text).toBe(botMessages.alertChannelIsLinked);
    await h.say(COORDINATOR, 'ontkoppel', UNLINKED_CHAT);
    expect(lastReply(UNLINKED_CHAT.id).body.text).toBe(botMessages.unlinked);
  });

  it('stores the conversation reference on install and removes it on uninstall', async () => {
    const chat = { id: '19:nieuw@thread.v2', type: 'groupChat' as const };
    const ports = h.store.forLandlord('vivendo');
    expect((await h.send(h.installation(COORDINATOR, 'add', chat))).status).toBe(200);
    const stored = await ports.conversations.get(chat.id);
    expect(stored).toMatchObject({ conversationId: chat.id, kind: 'groupChat', reference: { serviceUrl: h.connector.serviceUrl, conversation: { id: chat.id } } });
    expect(JSON.stringify(stored)).not.toContain('Gebruiker'); // no names kept with the reference
    expect(lastReply(chat.id).body.text).toBe(botMessages.welcomeShared);
    expect((await h.send(h.installation(COORDINATOR, 'remove', chat))).status).toBe(200);
    expect(await ports.conversations.get(chat.id)).toBeUndefined();
  });
});
