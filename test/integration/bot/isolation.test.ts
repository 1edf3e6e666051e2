/**
 * DESIGN, Security: a member of partner A never sees partner B's dossiers, in any command or card,
 * in a personal chat, in A's chat or in B's chat; and no shared chat ever shows a tenant's name.
 */
import { partnerSeesDossier } from '../../../shared/rules/agenda';
import type { Dossier } from '../../../shared/rules/types';
import {
  ALERTS,
  COORDINATOR,
  DE_VAART,
  DE_VAART_CHAT,
  personal,
  setUpConversations,
  startHarness,
  WOONKRACHT,
  WOONKRACHT_MEETING,
  type Harness,
} from './harness';

let h: Harness;
const seen: string[] = []; // everything shown to the de-vaart member

beforeAll(async () => {
  h = await startHarness({ now: '2025-11-27T16:00:00+01:00' });
  await setUpConversations(h);
  // Data of partner B (woonkracht) that could leak: its agenda card, its conclusions, a flag.
  await h.bot.postAgendas('2025-11');
  const form = await h.click(COORDINATOR, 'conclusions.form', { card: { kind: 'conclusions-form', partnerId: 'woonkracht', month: '2025-11' } }, personal(COORDINATOR));
  const ids = (form.actions as { data?: { dossierIds?: string[] } }[])[0]?.data?.dossierIds ?? [];
  await h.click(
    COORDINATOR,
    'conclusions.record',
    { card: { kind: 'conclusions-form', partnerId: 'woonkracht', month: '2025-11' }, dossierIds: ids, c0_on: 'true', c0_summary: 'Besproken', c0_decision: 'none' },
    personal(COORDINATOR),
  );
});
afterAll(() => h.stop());

const notDeVaarts = (): Dossier[] => h.demo.dossiers.filter((d) => !partnerSeesDossier(d, 'de-vaart'));

describe('a member of de-vaart never sees another partner\'s dossiers', () => {
  it('in no command, in any conversation', async () => {
    h.connector.clear();
    const others = notDeVaarts();
    const commands = [
      'help',
      'mijn dossiers',
      'agenda',
      'agenda 2025-11',
      'agenda woonkracht 2025-11',
      'conclusies',
      'conclusies woonkracht 2025-11',
      'signaal',
      'afwezigheid',
      'contact',
      ...others.slice(0, 6).map((d) => `dossier ${d.number}`),
    ];
    for (const conversation of [personal(DE_VAART), DE_VAART_CHAT, WOONKRACHT_MEETING]) {
      for (const text of commands) await h.say(DE_VAART, text, conversation);
    }
    for (const r of h.connector.received) seen.push(JSON.stringify(r.body));
    expect(h.connector.violations).toEqual([]);
  });

  it('in no card action, whatever the card data says', async () => {
    const other = notDeVaarts().find((d) => d.supportingPartnerId === 'woonkracht' && d.status === 'active') as Dossier;
    const clicks: [string, Record<string, unknown>][] = [
      ['refresh', { card: { kind: 'agenda', partnerId: 'woonkracht', month: '2025-11' } }],
      ['refresh', { card: { kind: 'conclusions', partnerId: 'woonkracht', month: '2025-11' } }],
      ['refresh', { card: { kind: 'conclusions-form', partnerId: 'woonkracht', month: '2025-11' } }],
      ['conclusions.form', { card: { kind: 'agenda', partnerId: 'woonkracht', month: '2025-11' } }],
      ['agenda.flag', { card: { kind: 'agenda', partnerId: 'woonkracht', month: '2025-12' }, dossierId: other.id, problem: 'x' }],
      ['conclusions.confirm', { card: { kind: 'conclusions', partnerId: 'woonkracht', month: '2025-11' } }],
      ['signal.submit', { card: { kind: 'signal-form' }, formId: 'f1', dossierId: other.id, category: 'safety', description: 'x' }],
      ['absence.submit', { card: { kind: 'absence-form' }, formId: 'f2', workerName: 'X', from: '2025-11-20', replacementContact: 'Y', dossierIds: other.id }],
      ['refresh', { card: { kind: 'signal-form' } }],
      ['refresh', { card: { kind: 'absence-form' } }],
    ];
    for (const conversation of [personal(DE_VAART), DE_VAART_CHAT, WOONKRACHT_MEETING]) {
      for (const [verb, data] of clicks) seen.push(JSON.stringify(await h.click(DE_VAART, verb, data, conversation)));
    }
    // The refusals left nothing behind.
    const ports = h.store.forLandlord('vivendo');
    expect((await ports.consultations.get('woonkracht', '2025-11'))?.status).toBe('conclusions-sent');
    expect(await ports.signals.listByDossier(other.id)).toEqual([]);
  });

  it('nor in the cards posted into de-vaart\'s chat', async () => {
    h.connector.clear();
    await h.bot.postAgendas('2025-11');
    await h.bot.postAgendas('2025-12');
    await h.bot.flush();
    for (const r of h.connector.received.filter((x) => x.conversationId === DE_VAART_CHAT.id)) seen.push(JSON.stringify(r.body));
    expect(h.connector.received.filter((x) => x.conversationId === DE_VAART_CHAT.id).length).toBeGreaterThan(0);
  });

  it('none of all that shows another partner\'s dossier number, id or tenant', () => {
    const all = seen.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    const leaks = notDeVaarts().flatMap((d) => [d.number, `"${d.id}"`, d.tenant.name].filter((s) => all.includes(s)));
    expect(leaks).toEqual([]);
    // While de-vaart's own dossiers are there (the check can find what it looks for).
    const own = h.demo.dossiers.find((d) => partnerSeesDossier(d, 'de-vaart') && d.status === 'active') as Dossier;
    expect(all).toContain(own.number);
  });

  it('no shared chat shows a tenant\'s name, whoever asks', async () => {
    h.connector.clear();
    for (const user of [COORDINATOR, DE_VAART]) for (const text of ['mijn dossiers', 'agenda', 'signaal', 'afwezigheid']) await h.say(user, text, DE_VAART_CHAT);
    for (const text of ['mijn dossiers', 'agenda']) await h.say(WOONKRACHT, text, WOONKRACHT_MEETING);
    await h.say(COORDINATOR, 'mijn dossiers', ALERTS);
    const shared = h.connector.received.map((r) => JSON.stringify(r.body)).join('\n');
    const names = h.demo.dossiers.map((d) => d.tenant.name).filter((n) => shared.includes(n));
    expect(names).toEqual([]);
  });
});

describe('logs', () => {
  it('carry ids and codes, never a tenant\'s name, a partner\'s name or typed text', async () => {
    await h.say(DE_VAART, 'goedemorgen allemaal', DE_VAART_CHAT);
    const logs = h.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(h.demo.dossiers.filter((d) => logs.includes(d.tenant.name))).toEqual([]);
    expect(h.demo.partners.filter((p) => logs.includes(p.name))).toEqual([]);
    for (const typed of ['Besproken', 'goedemorgen']) expect(logs).not.toContain(typed);
  });
});
