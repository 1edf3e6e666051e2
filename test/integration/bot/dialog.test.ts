/**
 * The bot opens the dossier pages (bot/tab) as a Teams dialog, over HTTP (POST /api/messages): the help
 * card and the dossier card carry a task/fetch button (Action.Submit, msteams.type 'task/fetch'); the
 * bot answers the task/fetch invoke with the page's URL, title and size. An unknown user gets a
 * message instead of a page; data that is not a plain id opens the list.
 */
import { randomUUID } from 'node:crypto';
import { botMessages } from '../../../shared/messages/bot';
import { cardOf, DE_VAART, personal, startHarness, STRANGER, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

type Submit = { type: string; title: string; data: Record<string, unknown> };

const lastCard = (conversationId: string) => {
  const posts = h.connector.posts(conversationId);
  const card = cardOf((posts[posts.length - 1] as { body: Record<string, unknown> }).body);
  if (!card) throw new Error('no card');
  return card as { actions?: Submit[] };
};

/** The invoke Teams sends for a task/fetch button: the button's data as value.data. */
function taskFetch(user: number, data: Record<string, unknown>) {
  const message = h.message(user, 'x', personal(user));
  return { ...message, id: randomUUID(), type: 'invoke', name: 'task/fetch', text: undefined, value: { data, context: { theme: 'default' } } };
}

const BASE = 'http://127.0.0.1:3978/tab/dossiers.html';

describe('the cards open the dossier pages as a Teams dialog', () => {
  it('the help card: "Dossiers openen" opens the list', async () => {
    await h.say(DE_VAART, 'help', personal(DE_VAART));
    const action = lastCard(personal(DE_VAART).id).actions?.[0] as Submit;
    expect(action).toEqual({ type: 'Action.Submit', title: botMessages.pages.openList, data: { msteams: { type: 'task/fetch' }, page: 'dossiers' } });
    const response = await h.send(taskFetch(DE_VAART, action.data));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ task: { type: 'continue', value: { url: BASE, fallbackUrl: BASE, title: 'Dossiers', height: 'large', width: 'large' } } });
  });

  it('the dossier card: "Dossier openen" opens that dossier\'s page', async () => {
    const d = h.demo.dossiers.find((x) => x.supportingPartnerId === 'de-vaart' && x.status === 'active') as (typeof h.demo.dossiers)[number];
    await h.say(DE_VAART, `dossier ${d.number}`, personal(DE_VAART));
    const action = lastCard(personal(DE_VAART).id).actions?.[0] as Submit;
    expect(action).toMatchObject({ type: 'Action.Submit', title: botMessages.pages.openDossier, data: { msteams: { type: 'task/fetch' }, page: 'dossier', dossierId: d.id, number: d.number } });
    const response = await h.send(taskFetch(DE_VAART, action.data));
    expect(response.status).toBe(200);
    const url = `${BASE}?dossier=${encodeURIComponent(d.id)}`;
    expect(response.body).toEqual({ task: { type: 'continue', value: { url, fallbackUrl: url, title: `Dossier ${d.number}`, height: 'large', width: 'large' } } });
  });

  it('data that is not a plain id opens the list; an unknown user gets a message, no page', async () => {
    const odd = await h.send(taskFetch(DE_VAART, { msteams: { type: 'task/fetch' }, page: 'dossier', dossierId: '../../api/x?y=1', number: '<b>' }));
    expect(odd.body).toMatchObject({ task: { type: 'continue', value: { url: BASE, title: 'Dossiers' } } });
    const stranger = await h.send(taskFetch(STRANGER, { page: 'dossiers' }));
    expect(stranger.status).toBe(200);
    expect(stranger.body).toEqual({ task: { type: 'message', value: botMessages.unknownUser } });
  });

  it('the page closing the dialog with its result (task/submit) gets an empty 200, so Teams closes it; nothing is posted', async () => {
    const fetched = taskFetch(DE_VAART, { page: 'dossiers' });
    const submit = { ...fetched, id: randomUUID(), name: 'task/submit', value: { data: { dossierId: 'x', form: 'visit', changed: true } } };
    const response = await h.send(submit);
    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
    await h.bot.flush();
    expect(h.connector.received.filter((r) => r.conversationId === personal(DE_VAART).id && r.activityId === submit.id)).toEqual([]);
  });
});
