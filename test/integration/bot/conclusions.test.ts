/**
 * R16 (with R4, R18-R20): the coordinator records the conclusions from the card form; the bot posts
 * the confirmation card in the partner's conversation; a member confirms with a click, the card is
 * updated for everyone and says who confirmed and when; a double click counts once.
 */
import { cardText } from '../../unit/bot/card-validator';
import {
  cardOf,
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  startHarness,
  WOONKRACHT,
  type Harness,
} from './harness';

const MONTH = '2025-11';
const ref = { partnerId: 'de-vaart', month: MONTH };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2025-11-27T16:00:00+01:00' }); // after the meeting
  await setUpConversations(h);
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const actionsOf = (card: Record<string, unknown> | undefined) => JSON.stringify(card?.actions ?? []);

describe('R16: conclusions confirmed with a click', () => {
  let formIds: string[] = [];
  let postedId = '';

  it('a member cannot open the conclusions form', async () => {
    const answer = await h.click(DE_VAART, 'conclusions.form', { card: { kind: 'conclusions-form', ...ref } }, DE_VAART_CHAT);
    expect(cardText(answer)).toContain('Je hebt geen toestemming om de conclusies van het overleg te registreren.');
  });

  it('the coordinator opens the form: the dossiers on the list, each with its decision', async () => {
    const form = await h.click(COORDINATOR, 'conclusions.form', { card: { kind: 'conclusions-form', ...ref } }, personal(COORDINATOR));
    const text = cardText(form);
    expect(text).toContain('Conclusies noteren: Begeleidingsdienst De Vaart');
    expect(text).toContain('Traject verlengen');
    const submit = (form.actions as { verb?: string; data?: { dossierIds?: string[] } }[]).find((a) => a.verb === 'conclusions.record');
    formIds = submit?.data?.dossierIds ?? [];
    expect(formIds.length).toBeGreaterThan(0);
  });

  it('R20: an extension that is not a multiple of 3 is refused, with what was typed kept', async () => {
    const answer = await h.click(
      COORDINATOR,
      'conclusions.record',
      { card: { kind: 'conclusions-form', ...ref }, dossierIds: formIds, c0_on: 'true', c0_summary: 'Huur achterstand besproken', c0_decision: 'extend', c0_months: '4' },
      personal(COORDINATOR),
    );
    expect(cardText(answer)).toContain('veelvoud van 3');
    expect(cardText(answer)).toContain('Huur achterstand besproken');
    expect(h.connector.posts(DE_VAART_CHAT.id)).toHaveLength(0);
  });

  it('the coordinator sends them: the confirmation card lands in the partner chat', async () => {
    const data: Record<string, unknown> = { card: { kind: 'conclusions-form', ...ref }, dossierIds: formIds };
    formIds.forEach((_, i) => Object.assign(data, { [`c${i}_on`]: i === 0 ? 'true' : 'false', [`c${i}_summary`]: '', [`c${i}_decision`]: 'none' }));
    Object.assign(data, { c0_summary: 'Afspraken over de huurachterstand [link](https://x.example)', c0_decision: 'extend', c0_months: '6' });
    const answer = await h.click(COORDINATOR, 'conclusions.record', data, personal(COORDINATOR));
    expect(cardText(answer)).toContain('De conclusies werden verstuurd ter bevestiging (1 gesprek).');
    expect(actionsOf(answer)).not.toContain('conclusions.confirm'); // the coordinator does not confirm

    const posts = h.connector.posts(DE_VAART_CHAT.id);
    expect(posts).toHaveLength(1);
    postedId = posts[0]?.createdId ?? '';
    const card = cardOf(posts[0]?.body ?? {});
    const text = cardText(card);
    expect(text).toContain('Conclusies van het structureel overleg van donderdag 27 november 2025');
    expect(text).toMatch(/Het traject wordt verlengd met 6 maanden, tot \d\d\/\d\d\/\d{4}\./); // the new planned end (R2, R20)
    expect(text).toContain('Wacht op bevestiging door Begeleidingsdienst De Vaart.');
    expect(actionsOf(card)).toContain('conclusions.confirm');

    // Sent again (a second click after a lost answer): it tells Teams again, and the card is not posted twice.
    await h.click(COORDINATOR, 'conclusions.record', data, personal(COORDINATOR));
    expect(h.connector.posts(DE_VAART_CHAT.id)).toHaveLength(1);
  });

  it('R16: once sent, the coordinator\'s card shows what was sent, never the empty form again (refresh, "Conclusies noteren")', async () => {
    for (const [verb, kind] of [['refresh', 'conclusions-form'], ['conclusions.form', 'agenda']] as const) {
      const card = await h.click(COORDINATOR, verb, { card: { kind, ...ref } }, personal(COORDINATOR));
      expect(cardText(card)).toContain('Conclusies van het structureel overleg van donderdag 27 november 2025');
      expect(cardText(card)).toContain('Wacht op bevestiging door Begeleidingsdienst De Vaart.');
      expect(actionsOf(card)).not.toContain('conclusions.record');
    }
  });

  it('sending the same conclusions again posts nothing new', async () => {
    h.connector.clear();
    const data: Record<string, unknown> = { card: { kind: 'conclusions-form', ...ref }, dossierIds: formIds };
    formIds.forEach((_, i) => Object.assign(data, { [`c${i}_on`]: i === 0 ? 'true' : 'false', [`c${i}_decision`]: 'none' }));
    Object.assign(data, { c0_summary: 'Afspraken over de huurachterstand [link](https://x.example)', c0_decision: 'extend', c0_months: '6' });
    await h.click(COORDINATOR, 'conclusions.record', data, personal(COORDINATOR));
    expect(h.connector.posts(DE_VAART_CHAT.id)).toHaveLength(0);
  });

  it('a member of another partner cannot confirm them; the coordinator cannot either', async () => {
    const other = await h.click(WOONKRACHT, 'conclusions.confirm', { card: { kind: 'conclusions', ...ref } }, DE_VAART_CHAT, postedId);
    expect(cardText(other)).toContain('niet gevonden');
    expect(cardText(other)).not.toContain('huurachterstand');
    const coordinator = await h.click(COORDINATOR, 'conclusions.confirm', { card: { kind: 'conclusions', ...ref } }, DE_VAART_CHAT, postedId);
    expect(cardText(coordinator)).toContain('geen toestemming');
    const consultation = await h.store.forLandlord('vivendo').consultations.get('de-vaart', MONTH);
    expect(consultation?.status).toBe('conclusions-sent');
  });

  it('a member confirms with a click: the card shows who and when, for everyone; a double click counts once', async () => {
    h.connector.clear();
    h.setNow('2025-11-28T09:15:00+01:00');
    const first = await h.click(DE_VAART, 'conclusions.confirm', { card: { kind: 'conclusions', ...ref } }, DE_VAART_CHAT, postedId);
    const second = await h.click(DE_VAART, 'conclusions.confirm', { card: { kind: 'conclusions', ...ref } }, DE_VAART_CHAT, postedId);
    for (const card of [first, second]) {
      expect(cardText(card)).toContain('Bevestigd door Megan Bowen op 28/11/2025 om 09:15.');
      expect(actionsOf(card)).not.toContain('conclusions.confirm');
    }
    // The card in the chat is updated once, in place, for everyone.
    const updates = h.connector.updates(DE_VAART_CHAT.id);
    expect(updates.map((u) => u.activityId)).toEqual([postedId]);
    expect(cardText(cardOf(updates[0]?.body ?? {}))).toContain('Bevestigd door Megan Bowen op 28/11/2025 om 09:15.');
    // One confirmation recorded and audited.
    const ports = h.store.forLandlord('vivendo');
    expect((await ports.consultations.get('de-vaart', MONTH))?.confirmation).toMatchObject({ at: expect.stringMatching(/^2025-11-28T08:15/) });
    const audit = (await ports.audit.listWithoutDossier(MONTH)).filter((e) => e.action === 'conclusions.confirm');
    expect(audit).toHaveLength(1);
  });

  it('a confirmation with another remark after the first is refused', async () => {
    const answer = await h.click(DE_VAART, 'conclusions.confirm', { card: { kind: 'conclusions', ...ref }, remark: 'Toch nog iets' }, DE_VAART_CHAT, postedId);
    expect(cardText(answer)).toContain('De conclusies van dit overleg werden al bevestigd (28/11/2025).');
  });

  it('"conclusies" shows the latest conclusions in the partner chat', async () => {
    await h.say(DE_VAART, 'conclusies', DE_VAART_CHAT);
    const text = cardText(cardOf(h.connector.posts(DE_VAART_CHAT.id).pop()?.body ?? {}));
    expect(text).toContain('Bevestigd door Megan Bowen');
  });
});

describe('R16: the form names the dossier whose summary is missing', () => {
  let h2: Harness;
  beforeAll(async () => {
    h2 = await startHarness({ now: '2025-11-27T16:00:00+01:00' });
    await setUpConversations(h2);
  });
  afterAll(() => h2.stop());

  it('a ticked dossier without a summary is named by number, nothing is sent', async () => {
    const form = await h2.click(COORDINATOR, 'conclusions.form', { card: { kind: 'conclusions-form', ...ref } }, personal(COORDINATOR));
    const ids = (form.actions as { verb?: string; data?: { dossierIds?: string[] } }[]).find((a) => a.verb === 'conclusions.record')?.data?.dossierIds ?? [];
    const number = h2.demo.dossiers.find((d) => d.id === ids[0])?.number as string;
    const answer = await h2.click(COORDINATOR, 'conclusions.record', { card: { kind: 'conclusions-form', ...ref }, dossierIds: ids, c0_on: 'true', c0_summary: ' ', c0_decision: 'none' }, personal(COORDINATOR));
    expect(cardText(answer)).toContain(`Vul in wat besproken en afgesproken werd voor ${number}`);
    expect(h2.connector.posts(DE_VAART_CHAT.id)).toHaveLength(0);
  });

  it('R2, R19: a positive end before the final evaluation is refused with the reason, what was typed kept, nothing sent', async () => {
    const form = await h2.click(COORDINATOR, 'conclusions.form', { card: { kind: 'conclusions-form', ...ref } }, personal(COORDINATOR));
    const ids = (form.actions as { verb?: string; data?: { dossierIds?: string[] } }[]).find((a) => a.verb === 'conclusions.record')?.data?.dossierIds ?? [];
    const running = ids.findIndex((id) => ['active', 'extended'].includes(h2.demo.dossiers.find((d) => d.id === id)?.status ?? ''));
    expect(running).toBeGreaterThanOrEqual(0);
    const data: Record<string, unknown> = { card: { kind: 'conclusions-form', ...ref }, dossierIds: ids };
    Object.assign(data, { [`c${running}_on`]: 'true', [`c${running}_summary`]: 'Loopt goed, afronden', [`c${running}_decision`]: 'end-positively' });
    const answer = await h2.click(COORDINATOR, 'conclusions.record', data, personal(COORDINATOR));
    expect(cardText(answer)).toContain('Het traject kan nog niet positief afgerond worden: dat kan pas na de eindevaluatie aan huis');
    expect(cardText(answer)).toContain('Loopt goed, afronden');
    expect(h2.connector.posts(DE_VAART_CHAT.id)).toHaveLength(0);
  });

  it('a member sending a crafted form learns no dossier number', async () => {
    const other = h2.demo.dossiers.find((d) => d.supportingPartnerId === 'woonkracht') as (typeof h2.demo.dossiers)[number];
    const answer = await h2.click(DE_VAART, 'conclusions.record', { card: { kind: 'conclusions-form', ...ref }, dossierIds: [other.id], c0_on: 'true', c0_summary: '', c0_decision: 'none' }, DE_VAART_CHAT);
    expect(cardText(answer)).not.toContain(other.number);
    // In the linked chat the dossier of another partner is refused before the form is read (shared-chat-cards.test.ts).
    expect(cardText(answer)).toContain('hoort bij een andere organisatie dan die van dit gesprek');
  });
});
