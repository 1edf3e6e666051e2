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
import type { Consultation, Flag, Signal, User, Visit } from '../../../shared/rules/types';
import { botMessages } from '../../../shared/messages/bot';
import { agendaMessages } from '../../../shared/messages/agenda';
import { addinMessages } from '../../../shared/messages/addin';
import { PROBLEM_MAX_LENGTH } from '../../../shared/rules/flags';
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
  visits: [],
  signals: [{ ...(signals[0] as Signal), dossierId: active.id, partnerName: partner.name }],
  otherSignals: 0,
  contactLog: [],
  informationRequests: [],
};

/** Every kind of card, in the variants that change its structure. */
const cards: Record<string, AdaptiveCard> = {
  'agenda, before the deadline, everyone': agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: baseViewer(), today: TODAY, userIds: ['29:a', '29:b'] }),
  'agenda, coordinator after the meeting, Teams link': agendaCard({ agenda: agendaAt('2025-11-27T15:00:00+01:00'), partner, landlord: demo.landlord, consultation: { ...consultation, status: 'held' }, viewer: userViewer(coordinator, false), today: '2025-11-27' }),
  'agenda, member of the partner, before the deadline': agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: userViewer(member, false), today: TODAY, values: { dossierId: 'd-9999', problem: INJECTION } }),
  'agenda, cancelled, in person': agendaCard({ agenda: agendaAt('2025-11-27T15:00:00+01:00', 'onderdak'), partner: inPerson, landlord: demo.landlord, viewer: baseViewer(), today: '2025-11-27', notice: { tone: 'good', text: 'Bijgewerkt' } }),
  'conclusions, awaiting, everyone': conclusionsCard({ consultation, partner, numbers, viewer: baseViewer(), userIds: ['29:a'] }),
  'conclusions, confirmed with remark': conclusionsCard({ consultation: { ...consultation, status: 'confirmed', confirmation: { by: member.objectId, at: '2025-11-28T09:15:00+01:00', remark: INJECTION } }, partner, numbers, viewer: userViewer(member, true), confirmedByName: 'Megan Bowen' }),
  'conclusions form': conclusionsFormCard({ partner, month: '2025-11', meetingDate: '2025-11-27', entries: flags.map((f, i) => ({ dossierId: f.dossierId, number: numbers.get(f.dossierId) as string, reasons: ['Signaal'], discussed: i === 0 })), values: { c0_summary: INJECTION }, notice: { tone: 'attention', text: 'Fout' } }),
  'conclusions form, empty': conclusionsFormCard({ partner, month: '2025-11', meetingDate: '2025-11-27', entries: [] }),
  'dossier list, shared': dossierListCard({ title: 'Lopende dossiers', dossiers: [...summaries, ...summaries], shared: true }),
  'dossier list, empty': dossierListCard({ title: 'Lopende dossiers', dossiers: [], shared: false }),
  'dossier, personal': dossierCard({ details, shared: false, today: TODAY }),
  'dossier, shared': dossierCard({ details: { ...details, signals: details.signals.map((x) => ({ ...x, description: '' })) }, shared: true, today: TODAY }),
  contact: contactCard([partner]),
  'contact, all': contactCard(demo.partners),
  'signal form': signalFormCard({ dossiers: [{ title: 'VT-2025-001 (A. V.)', value: 'd-0001' }], formId: 'f1', values: { description: INJECTION, dossierId: 'd-9999' } }),
  'signal form, no dossiers': signalFormCard({ dossiers: [], formId: 'f1' }),
  'absence form': absenceFormCard({ dossiers: [{ title: 'VT-2025-001', value: 'd-0001' }], formId: 'f2' }),
  'help, coordinator, shared': helpCard({ name: 'Alex Wilber', role: 'landlord-coordinator', shared: true, linkedPartner: partner.name, alertChannel: false }),
  'help, member, personal': helpCard({ name: 'Megan Bowen', role: 'partner-member', shared: false, alertChannel: false }),
  'safety alert': signalAlertCard({ signal: signals[0] as Signal, dossierId: 'd-1', dossierNumber: 'VT-2025-001', partnerName: partner.name, safety: true }),
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

const m = botMessages;
const inputsOf = (card: AdaptiveCard | undefined): Record<string, unknown>[] => {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
};

/** Each text block of a card as a reader sees it: its runs joined. */
const blocksOf = (card: AdaptiveCard | undefined): string[] => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'RichTextBlock') out.push((o.inlines as { text: string }[]).map((r) => r.text).join(''));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
};

describe('card texts against the catalogue (shared/messages)', () => {
  it('R13b: the Teams flag form asks in words, refuses an empty field with the add-in\'s sentence and never cuts a long text', () => {
    const problem = inputsOf(cards['agenda, before the deadline, everyone']).find((i) => i.id === 'problem');
    expect(problem).toMatchObject({ label: m.agenda.addDossierProblem, isRequired: true, errorMessage: agendaMessages.problemMissing });
    expect(problem?.errorMessage).toBe(addinMessages.dossiers.problemHint); // the add-in's wording
    expect(problem).not.toHaveProperty('maxLength'); // Teams would cut at maxLength without a word; the rule refuses instead
    expect(String(problem?.placeholder)).toContain(String(PROBLEM_MAX_LENGTH));
    const dossier = inputsOf(cards['agenda, before the deadline, everyone']).find((i) => i.id === 'dossierId');
    expect(dossier?.errorMessage).toBe(m.agenda.addDossierChoiceMissing);
    for (const card of Object.values(cards)) for (const input of inputsOf(card)) if (input.isRequired) expect(input.errorMessage).not.toBe(input.label);
  });

  it('no text input of any card has a maxLength (Teams would cut without a word): the free-text rules refuse a long text instead', () => {
    const texts = Object.entries(cards).flatMap(([name, card]) => inputsOf(card).filter((i) => i.type === 'Input.Text').map((i) => ({ name, id: i.id, maxLength: i.maxLength })));
    // The catalogue holds the forms with free text: signal, absence, conclusions (summary, remark), flag.
    expect(texts.map((t) => t.id)).toEqual(expect.arrayContaining(['description', 'workerName', 'replacementContact', 'remark', 'problem']));
    expect(texts.some((t) => String(t.id).endsWith('summary'))).toBe(true);
    expect(texts.filter((t) => t.maxLength !== undefined)).toEqual([]);
  });

  it('R13b: after a refusal the text typed comes back, an unknown dossier does not', () => {
    const inputs = inputsOf(cards['agenda, member of the partner, before the deadline']);
    expect(String(inputs.find((i) => i.id === 'problem')?.value)).toContain('Zie [hier]');
    expect(inputs.find((i) => i.id === 'dossierId')).not.toHaveProperty('value');
  });

  it('R15: a flagged dossier can be taken off the agenda from Teams, after a confirmation, by its partner until the deadline', () => {
    const own = JSON.stringify(cards['agenda, member of the partner, before the deadline']);
    expect(own).toContain('"verb":"agenda.withdraw"');
    expect(own).toContain(m.agenda.withdrawConfirm(numbers.get((flags[0] as Flag).dossierId) as string));
    const withdraw = own.indexOf('agenda.withdraw');
    expect(own.lastIndexOf('Action.ShowCard', withdraw)).toBeGreaterThan(-1); // the button opens the question first
    const staff = agendaCard({ agenda: agendaAt('2025-11-20T09:00:00+01:00'), partner, landlord: demo.landlord, viewer: userViewer(demo.users[3] as User, false), today: TODAY });
    expect(JSON.stringify(staff)).not.toContain('agenda.withdraw');
    expect(JSON.stringify(cards['agenda, coordinator after the meeting, Teams link'])).not.toContain('agenda.withdraw'); // list closed
  });

  it('R13: a dossier to discuss appears once, with who put it there in one phrase', () => {
    const text = cardText(cards['agenda, before the deadline, everyone']);
    const blocks = blocksOf(cards['agenda, before the deadline, everyone']);
    const number = numbers.get((flags[1] as Flag).dossierId) as string;
    // Once as a line of its own (the withdraw question names it too).
    expect(blocks.filter((l) => l.includes(number) && l !== m.agenda.withdrawConfirm(number))).toHaveLength(1);
    expect(blocks).toContain(`${m.agenda.flaggedBy.partner}: Geluidsoverlast`);
    expect(text).not.toContain('(geagendeerd');
    const discussed = agendaAt('2025-11-20T09:00:00+01:00').overview.filter((e) => e.toDiscuss).length;
    expect(discussed).toBeGreaterThan(1);
    expect(text).toContain(m.agenda.overviewAlsoToDiscuss(discussed));
  });

  it('R12/R16: past, today and future read differently; a meeting that is over has no link and no "gaat door"', () => {
    const agenda = agendaAt('2025-11-27T15:00:00+01:00');
    const linkless = { agenda, partner, landlord: demo.landlord, viewer: baseViewer() };
    const past = cardText(agendaCard({ ...linkless, today: '2025-11-28' }));
    expect(past).toContain(m.agenda.tookPlace);
    expect(past).not.toContain(m.agenda.teamsNoLink);
    expect(past).not.toContain('gaat vandaag door');
    expect(past).toContain('(voorbij)');
    const today = cardText(agendaCard({ ...linkless, today: '2025-11-27' }));
    expect(today).toContain(m.agenda.takesPlaceToday);
    expect(today).toContain(m.agenda.meetingToday('donderdag 27 november 2025'));
    expect(JSON.stringify(agendaCard({ ...linkless, consultation, today: '2025-11-28' }))).not.toContain('meetup-join');
  });

  it('R15: a consultation without dossiers says "gaat niet door" until its day, "ging niet door" after it', () => {
    const empty = { agenda: agendaAt('2025-11-27T15:00:00+01:00', 'onderdak'), partner: inPerson, landlord: demo.landlord, viewer: baseViewer() };
    expect(cardText(agendaCard({ ...empty, today: '2025-11-27' }))).toContain(agendaMessages.consultationCancelled('2025-11-27'));
    const after = cardText(agendaCard({ ...empty, today: '2025-11-28' }));
    expect(after).toContain(agendaMessages.consultationNotHeld('2025-11-27'));
    expect(after).not.toContain('gaat niet door');
  });

  it('R11/R17: the dossier card shows a missed or overdue visit as late, never as done', () => {
    const withVisits = (visits: Visit[], today: string) => blocksOf(dossierCard({ details: { ...details, visits }, shared: false, today }));
    const lineOf = (blocks: string[]) => blocks.find((l) => l.includes('Huisbezoek na 3 maanden')) ?? '';
    const after = '2026-12-01';
    expect(lineOf(withVisits([], after))).toContain('te laat');
    expect(lineOf(withVisits([], after))).not.toContain('\u2713');
    const plannedOn = '2026-02-10';
    expect(lineOf(withVisits([{ id: 'v', dossierId: active.id, kind: 'home-visit-3m', plannedOn, findings: [], seriousDefects: false }], after))).toContain('niet doorgegaan');
    expect(lineOf(withVisits([{ id: 'v', dossierId: active.id, kind: 'home-visit-3m', plannedOn, heldOn: plannedOn, findings: [], seriousDefects: false }], after))).toContain('\u2713');
  });

  it('R8/R9: the dossier card shows a signal with its description in a personal chat, by kind and moment only in a shared one', () => {
    const personal = cardText(cards['dossier, personal']);
    expect(personal).toContain(m.dossier.signals);
    expect(personal).toContain('Zie [');
    expect(personal).toContain(m.dossier.signalBy('12/11/2025 om 22:30', partner.name));
    const shared = cardText(cards['dossier, shared']);
    expect(shared).toContain(agendaMessages.safetySignal);
    expect(shared).not.toContain('Zie [');
    expect(shared).toContain(m.dossier.signalsPersonal);
  });

  it('R9: the alert in the channel has a button that opens the dossier', () => {
    expect(JSON.stringify(cards['safety alert']?.actions)).toContain('"dossierId":"d-1"');
    expect(cardText(cards['safety alert'])).toContain(m.alert.open('VT-2025-001'));
  });

  it('a notice is never green text on green: the container carries the tone', () => {
    const card = noticeCard({ tone: 'good', text: 'Gelukt' });
    expect(JSON.stringify(card)).toContain('"style":"good"');
    expect(JSON.stringify(card)).not.toContain('"color":"good"');
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

  it('R15/R16: a cancelled in-person consultation says so, without an address to go to', () => {
    const text = cardText(cards['agenda, cancelled, in person']);
    expect(text).toContain('gaat niet door');
    expect(text).not.toContain('Handboogstraat 2');
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
