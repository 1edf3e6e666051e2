/** A redelivered activity (the same activity id again) is handled once: one reply, one effect. */
import { cardText } from '../../unit/bot/card-validator';
import { COORDINATOR, DE_VAART, DE_VAART_CHAT, personal, setUpConversations, startHarness, UNLINKED_CHAT, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2025-11-20T09:00:00+01:00' });
  await setUpConversations(h);
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

describe('redelivery', () => {
  it('the same message twice gets one answer', async () => {
    const activity = h.message(DE_VAART, 'help', personal(DE_VAART));
    expect((await h.send(activity)).status).toBe(200);
    expect((await h.send(activity)).status).toBe(200);
    await h.bot.flush();
    expect(h.connector.posts(personal(DE_VAART).id)).toHaveLength(1);
  });

  it('the same "koppel" twice links once and answers once', async () => {
    h.connector.clear();
    const activity = h.message(COORDINATOR, 'koppel de linde', UNLINKED_CHAT);
    await h.send(activity);
    await h.send(activity);
    await h.bot.flush();
    expect(h.connector.posts(UNLINKED_CHAT.id)).toHaveLength(1);
  });

  it('the same flag invoke twice flags once; the second answer only shows the card', async () => {
    await h.bot.postAgendas('2025-11');
    await h.bot.flush();
    const cardId = h.connector.posts(DE_VAART_CHAT.id).pop()?.createdId as string;
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active') as (typeof h.demo.dossiers)[number];
    const activity = h.invoke(DE_VAART, 'agenda.flag', { card: { kind: 'agenda', partnerId: 'de-vaart', month: '2025-11' }, dossierId: dossier.id, problem: 'Overlast' }, DE_VAART_CHAT, cardId);
    const first = await h.send(activity);
    const second = await h.send(activity);
    await h.bot.flush();
    expect(cardText((first.body as { value: unknown }).value)).toContain('staat op de agenda');
    expect(cardText((second.body as { value: unknown }).value)).not.toContain('staat op de agenda');
    expect(cardText((second.body as { value: unknown }).value)).toContain('Overlast');
    const flags = await h.store.forLandlord('vivendo').flags.list('de-vaart', '2025-11', { includeWithdrawn: true });
    expect(flags.filter((f) => f.dossierId === dossier.id)).toHaveLength(1);
    expect(h.connector.updates(DE_VAART_CHAT.id)).toHaveLength(1);
  });
});
