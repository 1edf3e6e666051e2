/**
 * Every card the bot can send, rendered from representative data and checked with the adaptivecards
 * parser, the version check (<= 1.5, no element newer than the card), and the text rules: no
 * markdown link from user text, no tenant name where the chat is shared, Dutch dates.
 */
import { agendaCard, flaggableDossiers } from '../../../bot/cards/agenda-card';
import { conclusionsCard, conclusionsFormCard } from '../../../bot/cards/conclusions-card';
import { contactCard, dossierCard, dossierListCard } from '../../../bot/cards/dossier-cards';
import { absenceFormCard, signalFormCard } from '../../../bot/cards/form-cards';
import { helpCard, noticeCard, signalAlertCard } from '../../../bot/cards/message-cards';
import { baseViewer, userViewer } from '../../../bot/cards/views';
import type { AdaptiveCard } from '../../../bot/cards/card';
import { demoData } from '../../../shared/demo/demo-data';
import { buildAgenda } from '../../../shared/rules/agenda';
import { milestones } from '../../../shared/rules/milestones';
import type { Consultation, Flag, Signal, User } from '../../../shared/rules/types';
import type { DossierSummary } from '../../../shared/services';
import { cardProblems, cardText, markdownLinks } from './card-validator';

const TODAY = '2025-11-20';
const demo = demoData(TODAY);
const coordinator = demo.users[0] as User;
const member = demo.users[1] as User; // de-vaart
const partner = demo.partners[0] as (typeof demo.partners)[number]; // de-vaart
const inPerson = demo.partners[2] as (typeof demo.partners)[number]; // de-linde
const INJECTION = 'Zie [hier](https://evil.example/x) en <https://evil.example> **vet** _schuin_ # kop';

const flags: Flag[] = demo.dossiers
  .filter((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active')
  .slice(0, 2)
  .map((d, i) => ({ dossierId: d.id, partnerId: 'de-vaart', month: '2025-11', problem: i === 0 ? INJECTION : 'Geluidsoverlast', flaggedBy: member.objectId, flaggedAt: '2025-11-18T10:00:00+01:00', source: 'teams' as const }));
const signals: Signal[] = [
  { id: 's1', dossierId: (flags[0] as Flag).dossierId, partnerId: 'de-vaart', category: 'safety', description: INJECTION, raisedBy: member.objectId, raisedAt: '2025-11-12T22:30:00+01:00', basis: 'consent' },
];
const agendaAt = (now: string, partnerId = 'de-vaart') =>
  buildAgenda({ partnerId, month: '2025-11', dossiers: demo.dossiers, signals, flags, visits: [], contactLog: [], now }, { closingDays: [] });
const consultation: Consultation = {
  partnerId: 'de-vaart',
  month: '2025-11',
  meetingDate: '2025-11-27',
  invitationDate: '2025-11-20',
  flagDeadline: '2025-11-27T00:00:00+01:00',
  mode: 'teams',
  teamsJoinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  status: 'conclusions-sent',
  conclusions: [
    { dossierId: (flags[0] as Flag).dossierId, summary: INJECTION, decision: { kind: 'extend', months: 6 } },
    { dossierId: (flags[1] as Flag).dossierId, summary: 'Contacten bijhouden', decision: { kind: 'start-contact-log' } },
  ],
};
const numbers = new Map(demo.dossiers.map((d) => [d.id, d.number]));
const summaries: DossierSummary[] = demo.dossiers.map((d) => ({
  id: d.id,
  number: d.number,
  kind: d.kind,
  status: d.status,
  tenantName: d.tenant.name,
  registeringPartnerId: d.registeringPartnerId,
  supportingPartnerId: d.supportingPartnerId,
  transferOpen: false,
}));
const active = demo.dossiers.find((d) => d.status === 'active' && d.leaseStart) as (typeof demo.dossiers)[number];
const details = {
  dossier: active,
  milestones: milestones({ leaseStart: active.leaseStart as string, extensions: [], kind: 'VT' }, { closingDays: [] }),
  plannedEnd: '2026-09-20',
  supportingPartner: { id: partner.id, name: partner.name, contact: partner.contact },
  nextSteps: ['extend' as const, 'close-positively' as const],
  actions: [],
};

/** Every kind of card, in the variants that change its structure. */
const cards: Record<string, AdaptiveCard> = {
  'agenda, before the deadline, everyone': agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: baseViewer(), today: TODAY, userIds: ['29:a', '29:b'] }),
  'agenda, coordinator after the meeting, Teams link': agendaCard({ agenda: agendaAt('2025-11-27T15:00:00+01:00'), partner, landlord: demo.landlord, consultation: { ...consultation, status: 'held' }, viewer: userViewer(coordinator, false), today: '2025-11-27' }),
  'agenda, cancelled, in person': agendaCard({ agenda: agendaAt('2025-11-27T15:00:00+01:00', 'onderdak'), partner: inPerson, landlord: demo.landlord, viewer: baseViewer(), today: '2025-11-27', notice: { tone: 'good', text: 'Bijgewerkt' } }),
  'conclusions, awaiting, everyone': conclusionsCard({ consultation, partner, numbers, viewer: baseViewer(), userIds: ['29:a'] }),
  'conclusions, confirmed with remark': conclusionsCard({ consultation: { ...consultation, status: 'confirmed', confirmation: { by: member.objectId, at: '2025-11-28T09:15:00+01:00', remark: INJECTION } }, partner, numbers, viewer: userViewer(member, true), confirmedByName: 'Megan Bowen' }),
  'conclusions form': conclusionsFormCard({ partner, month: '2025-11', meetingDate: '2025-11-27', entries: flags.map((f, i) => ({ dossierId: f.dossierId, number: numbers.get(f.dossierId) as string, reasons: ['Signaal'], discussed: i === 0 })), values: { c0_summary: INJECTION }, notice: { tone: 'attention', text: 'Fout' } }),
  'conclusions form, empty': conclusionsFormCard({ partner, month: '2025-11', meetingDate: '2025-11-27', entries: [] }),
  'dossier list, shared': dossierListCard({ title: 'Lopende dossiers', dossiers: [...summaries, ...summaries], shared: true }),
  'dossier list, empty': dossierListCard({ title: 'Lopende dossiers', dossiers: [], shared: false }),
  'dossier, personal': dossierCard({ details, shared: false, today: TODAY }),
  'dossier, shared': dossierCard({ details, shared: true, today: TODAY }),
  contact: contactCard([partner]),
  'contact, all': contactCard(demo.partners),
  'signal form': signalFormCard({ dossiers: [{ title: 'VT-2025-001 (A. V.)', value: 'd-0001' }], formId: 'f1', values: { description: INJECTION, dossierId: 'd-9999' } }),
  'signal form, no dossiers': signalFormCard({ dossiers: [], formId: 'f1' }),
  'absence form': absenceFormCard({ dossiers: [{ title: 'VT-2025-001', value: 'd-0001' }], formId: 'f2' }),
  'help, coordinator, shared': helpCard({ name: 'Alex Wilber', role: 'landlord-coordinator', shared: true, linkedPartner: partner.name, alertChannel: false }),
  'help, member, personal': helpCard({ name: 'Megan Bowen', role: 'partner-member', shared: false, alertChannel: false }),
  'safety alert': signalAlertCard({ signal: signals[0] as Signal, dossierNumber: 'VT-2025-001', partnerName: partner.name, safety: true }),
  notice: noticeCard({ tone: 'attention', text: INJECTION }),
};

describe('every card the bot can send', () => {
  it.each(Object.entries(cards))('%s: valid for the adaptivecards parser, version 1.5', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each(Object.entries(cards))('%s: user text cannot inject a markdown link', (_name, card) => {
    expect(markdownLinks(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('"type":"TextBlock"'); // all text is TextRuns
    expect(cardText(card)).not.toContain('https://evil.example'); // defused by a zero-width space
  });

  it('the validator finds what it should', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [] })).toContain('version 1.6 > 1.5');
    expect(cardProblems({ type: 'AdaptiveCard', body: [] })).toContain('version missing');
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.3', body: [], actions: [{ type: 'Action.Execute', title: 'x' }] })).toContain('Action.Execute needs 1.4');
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] })).toEqual(['validate: Duplicate Id "a".']);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).join()).toContain('Bogus');
    expect(markdownLinks({ type: 'TextBlock', text: '[a](https://b)' })).toHaveLength(1);
  });
});

describe('card content', () => {
  it('R13-R15: the agenda card has its parts, Dutch dates, the deadline and the flag button until the deadline', () => {
    const text = cardText(cards['agenda, before the deadline, everyone']);
    expect(text).toContain('Overleg op donderdag 27 november 2025');
    expect(text).toContain('Dossiers agenderen kan tot en met woensdag 26 november 2025.');
    expect(text).toContain('Te bespreken dossiers');
    expect(text).toContain('veiligheid'); // R9 signal as a reason
    expect(JSON.stringify(cards['agenda, before the deadline, everyone']?.actions)).toContain('agenda.flag');
    expect(JSON.stringify(cards['agenda, before the deadline, everyone']?.actions)).not.toContain('conclusions.form');
    expect(cards['agenda, before the deadline, everyone']?.refresh?.userIds).toEqual(['29:a', '29:b']);
  });

  it('R16: the coordinator\'s view after the meeting has "Conclusies noteren"; the Teams link is a button', () => {
    const card = cards['agenda, coordinator after the meeting, Teams link'];
    const actions = JSON.stringify(card?.actions);
    expect(actions).toContain('conclusions.form');
    expect(actions).not.toContain('agenda.flag'); // the list is closed
    expect(actions).toContain('https://teams.microsoft.com/l/meetup-join/abc');
  });

  it('landlord staff reads the agenda but gets no flag button (flag.create)', () => {
    const staff = demo.users[3] as User;
    const card = agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: userViewer(staff, true), today: TODAY });
    expect(JSON.stringify(card.actions ?? [])).not.toContain('agenda.flag');
    const own = agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: userViewer(member, false), today: TODAY });
    expect(JSON.stringify(own.actions)).toContain('agenda.flag');
  });

  it('R15/R16: a cancelled in-person consultation says so, with the address', () => {
    const text = cardText(cards['agenda, cancelled, in person']);
    expect(text).toContain('gaat niet door');
    expect(text).toContain('Handboogstraat 2');
  });

  it('the agenda holds no tenant names', () => {
    const text = cardText(cards['agenda, before the deadline, everyone']);
    expect(demo.dossiers.filter((d) => text.includes(d.tenant.name))).toEqual([]);
  });

  it('flaggable dossiers leave out the ones already flagged', () => {
    const options = flaggableDossiers(agendaAt('2025-11-20T09:00:00+01:00'));
    expect(options.map((o) => o.dossierId)).not.toContain((flags[0] as Flag).dossierId);
    expect(options.length).toBeGreaterThan(0);
  });

  it('R16: the conclusions card shows decisions, who confirmed and when; no buttons once confirmed', () => {
    const awaiting = cardText(cards['conclusions, awaiting, everyone']);
    expect(awaiting).toContain('Het traject wordt verlengd met 6 maanden.');
    expect(JSON.stringify(cards['conclusions, awaiting, everyone']?.actions)).toContain('conclusions.confirm');
    const confirmed = cards['conclusions, confirmed with remark'];
    expect(cardText(confirmed)).toContain('Bevestigd door Megan Bowen op 28/11/2025 om 09:15.');
    expect(confirmed?.actions).toBeUndefined();
  });

  it('least personal data: initials in a shared list, names only in a personal one', () => {
    const shared = cardText(cards['dossier list, shared']);
    expect(demo.dossiers.filter((d) => shared.includes(d.tenant.name))).toEqual([]);
    expect(cardText(cards['dossier, personal'])).toContain(active.tenant.name);
    expect(cardText(cards['dossier, shared'])).not.toContain(active.tenant.name);
    expect(cardText(cards['dossier, shared'])).not.toContain(active.tenant.address as string);
  });

  it('a long list is cut with a count of what is left', () => {
    expect(cardText(cards['dossier list, shared'])).toContain('En nog 14 dossiers');
  });

  it('a form never echoes a value that was not offered', () => {
    expect(JSON.stringify(cards['signal form'])).not.toContain('d-9999');
  });
});
