import fc from 'fast-check';
import { canReadDossier } from '../../../shared/rules/access';
import {
  buildAgenda,
  partnerSeesDossier,
  REASON_ORDER,
  recordWindow,
  type Agenda,
  type AgendaInput,
  type AgendaReason,
} from '../../../shared/rules/agenda';
import { addDays } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/rules/errors';
import type { ContactLogEntry, Flag, Signal, SignalCategory, TrajectoryStatus, Visit } from '../../../shared/rules/types';
import { OTHER_PARTNER, REGISTERING, runningDossier, SUPPORTING } from './dossier-fixtures';

const config = { closingDays: [] as string[] };
const PARTNER = SUPPORTING;

// November 2025: previous meeting Thu 30/10, this meeting Thu 27/11 (winter time, +01:00).
const NOVEMBER = '2025-11';
const BEFORE_NOVEMBER_DEADLINE = '2025-11-20T10:00:00+01:00';

/** A running VT trajectory of PARTNER with no milestone due in November 2025 (lease 05/03/2025). */
const dossier = runningDossier;

function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 's-1',
    dossierId: 'd-1',
    partnerId: PARTNER,
    category: 'insufficient-cooperation',
    description: 'Huurder laat niemand binnen sinds de ruzie met de buren.',
    raisedBy: 'user-1',
    raisedAt: '2025-11-10T09:00:00+01:00',
    basis: 'consent',
    ...overrides,
  };
}

function flag(overrides: Partial<Flag> = {}): Flag {
  return {
    dossierId: 'd-1',
    partnerId: PARTNER,
    month: NOVEMBER,
    problem: 'Huur al twee maanden niet betaald.',
    flaggedBy: 'user-1',
    flaggedAt: '2025-11-21T16:00:00+01:00',
    source: 'outlook',
    ...overrides,
  };
}

function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v-1',
    dossierId: 'd-1',
    kind: 'extra',
    heldOn: '2025-11-12',
    supportWorkerPresent: true,
    findings: [
      { part: 'house', ok: true },
      { part: 'garden', ok: true },
    ],
    seriousDefects: false,
    ...overrides,
  };
}

function contact(date: string, held: boolean, id = `c-${date}`): ContactLogEntry {
  return held ? { id, dossierId: 'd-1', date, held, loggedBy: 'user-1' } : { id, dossierId: 'd-1', date, held, reasonMissed: 'niet thuis', loggedBy: 'user-1' };
}

function agendaOf(input: Partial<AgendaInput> = {}): Agenda {
  return buildAgenda(
    { partnerId: PARTNER, month: NOVEMBER, dossiers: [dossier()], signals: [], flags: [], visits: [], contactLog: [], now: BEFORE_NOVEMBER_DEADLINE, ...input },
    config,
  );
}

const reasonsOf = (agenda: Agenda, dossierId = 'd-1'): AgendaReason[] | undefined => agenda.toDiscuss.find((e) => e.dossierId === dossierId)?.reasons;
const discussedIds = (agenda: Agenda): string[] => agenda.toDiscuss.map((e) => e.dossierId);

describe('R14: the reasons to discuss a dossier, each on its own', () => {
  const extended = dossier({ leaseStart: '2024-09-10', status: 'extended', extensions: [{ months: 3, decidedOn: '2025-09-25' }] });
  // Final evaluation on 02/10/2025 (October's window) with serious defects, no extension since.
  const awaitingDecision = dossier({ leaseStart: '2024-10-01' });
  const finalEvaluation = visit({ kind: 'final-evaluation', heldOn: '2025-10-02', seriousDefects: true });

  it.each<[string, Partial<AgendaInput>, AgendaReason]>([
    [
      'R8: a signal',
      { signals: [signal()] },
      { type: 'signal', signalId: 's-1', category: 'insufficient-cooperation', safety: false, raisedAt: '2025-11-10T09:00:00+01:00' },
    ],
    [
      'R9: a safety signal, marked as such',
      { signals: [signal({ category: 'safety' })] },
      { type: 'signal', signalId: 's-1', category: 'safety', safety: true, raisedAt: '2025-11-10T09:00:00+01:00' },
    ],
    [
      'R15: a flag by the partner, with its problem statement as personal text',
      { flags: [flag()] },
      {
        type: 'flag',
        problem: { personal: true, text: 'Huur al twee maanden niet betaald.' },
        flaggedBy: 'user-1',
        flaggedByLandlord: false,
        flaggedAt: '2025-11-21T16:00:00+01:00',
      },
    ],
    [
      'R15: a flag by the landlord',
      { flags: [flag({ source: 'landlord', flaggedBy: 'coordinator-1' })] },
      expect.objectContaining({ type: 'flag', flaggedBy: 'coordinator-1', flaggedByLandlord: true }),
    ],
    ['R20: an extension', { dossiers: [extended] }, { type: 'extension', extensions: 1, lastDecidedOn: '2025-09-25' }],
    [
      'R18: an extra visit with a finding that is not ok',
      { visits: [visit({ findings: [{ part: 'house', ok: true }, { part: 'garden', ok: false, note: 'vol afval' }] })] },
      { type: 'visit-problems', visitId: 'v-1', visitKind: 'extra', heldOn: '2025-11-12', partsWithProblems: ['garden'], seriousDefects: false },
    ],
    [
      'R18: a visit with serious defects',
      { visits: [visit({ seriousDefects: true })] },
      { type: 'visit-problems', visitId: 'v-1', visitKind: 'extra', heldOn: '2025-11-12', partsWithProblems: [], seriousDefects: true },
    ],
    [
      'R19: a decision pending after a final evaluation with serious defects',
      { dossiers: [awaitingDecision], visits: [finalEvaluation] },
      { type: 'decision-pending', visitId: 'v-1', finalEvaluationOn: '2025-10-02' },
    ],
  ])('%s puts the dossier on the list with that reason only', (_label, input, expected) => {
    const agenda = agendaOf(input);
    expect(discussedIds(agenda)).toEqual(['d-1']);
    expect(reasonsOf(agenda)).toEqual([expected]);
    expect(agenda.takesPlace).toBe(true);
  });

  it('R14: without any of these, the dossier is not on the list', () => {
    const agenda = agendaOf({ visits: [visit()] }); // a visit with everything ok
    expect(agenda.toDiscuss).toEqual([]);
    expect(agenda.overview.map((e) => e.dossierId)).toEqual(['d-1']);
  });

  it('R19: the decision stays pending until an extension is decided after the final evaluation', () => {
    const decided = dossier({ leaseStart: '2024-10-01', status: 'extended', extensions: [{ months: 3, decidedOn: '2025-10-30' }] });
    expect(reasonsOf(agendaOf({ dossiers: [decided], visits: [finalEvaluation] }))?.map((r) => r.type)).toEqual(['extension']);
    // An extension decided before the final evaluation does not settle it.
    const earlier = dossier({ leaseStart: '2024-10-01', status: 'extended', extensions: [{ months: 3, decidedOn: '2025-09-25' }] });
    expect(reasonsOf(agendaOf({ dossiers: [earlier], visits: [finalEvaluation] }))?.map((r) => r.type)).toEqual(['decision-pending', 'extension']);
  });

  it('R19: a later final evaluation without serious defects ends the pending decision', () => {
    const later = visit({ id: 'v-2', kind: 'final-evaluation', heldOn: '2025-10-20', seriousDefects: false });
    expect(reasonsOf(agendaOf({ dossiers: [awaitingDecision], visits: [finalEvaluation, later] }))).toBeUndefined();
  });

  it('R19: a final evaluation without the support worker is discussed as a visit, not as a pending decision', () => {
    const withoutWorker = visit({ kind: 'final-evaluation', heldOn: '2025-11-05', seriousDefects: true, supportWorkerPresent: false });
    expect(reasonsOf(agendaOf({ dossiers: [awaitingDecision], visits: [withoutWorker] }))?.map((r) => r.type)).toEqual(['visit-problems']);
  });

  it('R19: a final evaluation on the meeting day goes to next month\'s consultation', () => {
    const onMeetingDay = visit({ kind: 'final-evaluation', heldOn: '2025-11-27', seriousDefects: true });
    expect(reasonsOf(agendaOf({ dossiers: [awaitingDecision], visits: [onMeetingDay] }))).toBeUndefined();
    expect(reasonsOf(agendaOf({ month: '2025-12', now: '2025-12-01T09:00:00+01:00', dossiers: [awaitingDecision], visits: [onMeetingDay] }))?.map((r) => r.type)).toEqual([
      'visit-problems',
      'decision-pending',
    ]);
  });

  it('R18: a planned visit that was not held yet is no reason', () => {
    const planned: Visit = { id: 'v-1', dossierId: 'd-1', kind: 'extra', plannedOn: '2025-11-12', findings: [], seriousDefects: true };
    expect(agendaOf({ visits: [planned] }).toDiscuss).toEqual([]);
  });
});

describe('R14: several reasons on one dossier', () => {
  it('R14: all reasons are listed, by type in a fixed order and by time within a type', () => {
    const d = dossier({ leaseStart: '2024-09-10', status: 'extended', extensions: [{ months: 3, decidedOn: '2025-08-28' }] });
    const agenda = agendaOf({
      dossiers: [d],
      signals: [signal({ id: 's-2', category: 'safety', raisedAt: '2025-11-12T08:00:00+01:00' }), signal({ id: 's-1', raisedAt: '2025-11-03T08:00:00+01:00' })],
      flags: [flag()],
      visits: [visit({ kind: 'final-evaluation', heldOn: '2025-11-05', seriousDefects: true })],
    });
    const reasons = reasonsOf(agenda) ?? [];
    expect(reasons.map((r) => r.type)).toEqual(['signal', 'signal', 'flag', 'visit-problems', 'decision-pending', 'extension']);
    expect(reasons.slice(0, 2)).toMatchObject([{ signalId: 's-1', safety: false }, { signalId: 's-2', safety: true }]);
    expect(REASON_ORDER).toEqual(['signal', 'flag', 'visit-problems', 'decision-pending', 'extension']);
  });
});

describe('R14: "since the previous consultation" runs from the previous flag deadline to this one', () => {
  const onList = (month: string, raisedAt: string) =>
    discussedIds(agendaOf({ month, signals: [signal({ raisedAt })], now: '2025-01-01T00:00:00+01:00' })).includes('d-1');

  it('R14: the window of November 2025 (winter time)', () => {
    expect(recordWindow(NOVEMBER, config)).toEqual({
      from: '2025-10-30T00:00:00+01:00',
      until: '2025-11-27T00:00:00+01:00',
      fromDate: '2025-10-30',
      untilDate: '2025-11-27',
    });
  });

  it.each([
    // winter: deadlines at 23:00 UTC the day before
    ['2025-11', '2025-10-30T00:00:00+01:00', true], // exactly at the previous deadline
    ['2025-11', '2025-10-29T23:00:00Z', true], // the same moment in UTC
    ['2025-11', '2025-10-29T23:59:59+01:00', false],
    ['2025-11', '2025-11-26T23:59:59+01:00', true],
    ['2025-11', '2025-11-27T00:00:00+01:00', false], // exactly at this deadline
    ['2025-11', '2025-11-26T23:00:00Z', false],
    ['2025-12', '2025-11-27T00:00:00+01:00', true], // ... which opens December's window
    // summer: May's meeting moved to 28/05 (Ascension), deadlines at 22:00 UTC the day before
    ['2025-06', '2025-05-28T00:00:00+02:00', true],
    ['2025-06', '2025-05-27T22:00:00Z', true],
    ['2025-06', '2025-05-27T21:59:59Z', false],
    ['2025-06', '2025-06-25T21:59:59Z', true],
    ['2025-06', '2025-06-26T00:00:00+02:00', false],
    ['2025-06', '2025-06-25T22:00:00Z', false],
    // a window across the switch to summer time (29/03/2026)
    ['2026-04', '2026-03-25T23:00:00Z', true],
    ['2026-04', '2026-04-29T21:59:59Z', true],
    ['2026-04', '2026-04-29T22:00:00Z', false],
  ])('R14/R15: on the list of %s, a signal raised at %s: %s', (month, raisedAt, expected) => {
    expect(onList(month, raisedAt)).toBe(expected);
  });

  it('R15: a signal raised on the meeting day goes to next month\'s list', () => {
    const meetingDay = signal({ raisedAt: '2025-11-27T10:00:00+01:00' });
    expect(agendaOf({ signals: [meetingDay] }).toDiscuss).toEqual([]);
    expect(discussedIds(agendaOf({ month: '2025-12', signals: [meetingDay] }))).toEqual(['d-1']);
  });

  it.each([
    ['2025-10-29', false],
    ['2025-10-30', true], // the previous meeting day
    ['2025-11-26', true],
    ['2025-11-27', false], // this meeting day: next month
  ])('R18: a visit with problems held on %s is on November\'s list: %s', (heldOn, expected) => {
    expect(discussedIds(agendaOf({ visits: [visit({ heldOn, seriousDefects: true })] })).includes('d-1')).toBe(expected);
  });
});

describe('R17: the 3-month visit goes to the consultation of the 4-month evaluation', () => {
  // Lease 15/07/2025: visit due 15/10, 4-month evaluation due 15/11 -> consultation 27/11.
  const d = dossier({ leaseStart: '2025-07-15' });
  const threeMonthVisit = visit({ kind: 'home-visit-3m', heldOn: '2025-10-16', findings: [{ part: 'terrace', ok: false }] });

  it('R17: findings of a visit in October wait for November, the 4-month evaluation', () => {
    expect(agendaOf({ month: '2025-10', dossiers: [d], visits: [threeMonthVisit] }).toDiscuss).toEqual([]);
    const november = agendaOf({ dossiers: [d], visits: [threeMonthVisit] });
    expect(november.toDiscuss).toEqual([
      expect.objectContaining({
        dossierId: 'd-1',
        reasons: [expect.objectContaining({ type: 'visit-problems', visitKind: 'home-visit-3m', partsWithProblems: ['terrace'] })],
        dueMilestones: [{ kind: 'evaluation-4m', due: '2025-11-15' }],
      }),
    ]);
  });

  it('R17: a 3-month visit held after the 4-month consultation goes to the next one', () => {
    const late = visit({ kind: 'home-visit-3m', heldOn: '2025-11-28', seriousDefects: true });
    expect(agendaOf({ dossiers: [d], visits: [late] }).toDiscuss).toEqual([]);
    expect(discussedIds(agendaOf({ month: '2025-12', dossiers: [d], visits: [late] }))).toEqual(['d-1']);
  });

  it('R17: outside accelerated allocation (no 4-month evaluation) the findings go to the next consultation', () => {
    const other = dossier({ leaseStart: '2025-07-15', kind: 'other', number: 'AW-2025-001' });
    expect(discussedIds(agendaOf({ month: '2025-10', dossiers: [other], visits: [threeMonthVisit] }))).toEqual(['d-1']);
  });
});

describe('R15: a month with nothing to discuss', () => {
  // Lease 20/01/2025: the 10-month evaluation (due 20/11) belongs to the consultation of 27/11.
  const quiet = dossier({ leaseStart: '2025-01-20' });

  it('R15: before the deadline the consultation does not take place but is not cancelled yet', () => {
    const agenda = agendaOf({ dossiers: [quiet] });
    expect(agenda).toMatchObject({ takesPlace: false, listClosed: false, cancelled: false, toDiscuss: [] });
  });

  it('R15: once the deadline passes with nothing to discuss, the consultation is cancelled', () => {
    const agenda = agendaOf({ dossiers: [quiet], now: '2025-11-27T00:00:00+01:00' });
    expect(agenda).toMatchObject({ takesPlace: false, listClosed: true, cancelled: true });
    expect(agendaOf({ dossiers: [quiet], now: '2025-11-26T23:59:59+01:00' }).listClosed).toBe(false);
  });

  it('R15: after the deadline with something to discuss, it takes place', () => {
    const agenda = agendaOf({ dossiers: [quiet], flags: [flag()], now: '2025-11-27T08:00:00+01:00' });
    expect(agenda).toMatchObject({ takesPlace: true, listClosed: true, cancelled: false });
  });

  it('R14/R19: a due milestone without difficulties is evaluated without discussion; the 10-month one ends positively', () => {
    const fourMonths = dossier({ id: 'd-2', number: 'VT-2025-002', leaseStart: '2025-07-15' });
    const agenda = agendaOf({ dossiers: [fourMonths, quiet] });
    expect(agenda.evaluatedWithoutDiscussion).toEqual([
      { dossierId: 'd-1', number: 'VT-2025-001', milestone: 'evaluation-10m', due: '2025-11-20', consultation: '2025-11-27', endsPositively: true },
      { dossierId: 'd-2', number: 'VT-2025-002', milestone: 'evaluation-4m', due: '2025-11-15', consultation: '2025-11-27', endsPositively: false },
    ]);
    expect(agenda.overview.map((e) => [e.dossierId, e.dueMilestones])).toEqual([
      ['d-1', [{ kind: 'evaluation-10m', due: '2025-11-20' }]],
      ['d-2', [{ kind: 'evaluation-4m', due: '2025-11-15' }]],
    ]);
  });

  it('R14: a due milestone of a dossier with difficulties is discussed, not evaluated without discussion', () => {
    const agenda = agendaOf({ dossiers: [quiet], signals: [signal()] });
    expect(agenda.evaluatedWithoutDiscussion).toEqual([]);
    expect(agenda.toDiscuss[0]?.dueMilestones).toEqual([{ kind: 'evaluation-10m', due: '2025-11-20' }]);
  });
});

describe('R-H/R15: December 2025, meeting moved to 24/12 for Christmas', () => {
  const december = (input: Partial<AgendaInput>) => agendaOf({ month: '2025-12', now: '2025-12-18T09:00:00+01:00', ...input });

  it('R-H: the calendar of the agenda is the moved one, with its deadline', () => {
    expect(december({}).calendar).toMatchObject({
      meetingDate: '2025-12-24',
      invitationDate: '2025-12-18',
      flagDeadline: '2025-12-24T00:00:00+01:00',
      meetingMoved: { from: '2025-12-25' },
    });
    expect(december({ now: '2025-12-23T23:59:59+01:00' }).listClosed).toBe(false);
    expect(december({ now: '2025-12-24T00:00:00+01:00' }).listClosed).toBe(true);
  });

  it('R15: a signal at 23:59:59 on 23/12 is on December\'s list; at 00:00 on 24/12 on January\'s', () => {
    expect(discussedIds(december({ signals: [signal({ raisedAt: '2025-12-23T23:59:59+01:00' })] }))).toEqual(['d-1']);
    const atDeadline = signal({ raisedAt: '2025-12-24T00:00:00+01:00' });
    expect(december({ signals: [atDeadline] }).toDiscuss).toEqual([]);
    expect(discussedIds(agendaOf({ month: '2026-01', signals: [atDeadline] }))).toEqual(['d-1']);
  });

  it('R11: a milestone due on 24/12 belongs to the moved meeting; one due on 25/12 to January', () => {
    const due24 = dossier({ id: 'd-24', number: 'VT-2025-024', leaseStart: '2025-11-24' });
    const due25 = dossier({ id: 'd-25', number: 'VT-2025-025', leaseStart: '2025-11-25' });
    const agenda = december({ dossiers: [due24, due25] });
    expect(agenda.evaluatedWithoutDiscussion.map((e) => [e.dossierId, e.milestone])).toEqual([['d-24', 'evaluation-1m']]);
    expect(agendaOf({ month: '2026-01', dossiers: [due24, due25] }).evaluatedWithoutDiscussion.map((e) => e.dossierId)).toEqual(['d-25']);
  });
});

describe('R20: a dossier in extension is discussed every month', () => {
  const extended = dossier({ leaseStart: '2024-09-10', status: 'extended', extensions: [{ months: 6, decidedOn: '2025-09-25' }] });

  it.each(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])('R20: on the list of %s, with nothing else', (month) => {
    const agenda = agendaOf({ month, dossiers: [extended] });
    expect(agenda.toDiscuss).toEqual([
      expect.objectContaining({ dossierId: 'd-1', status: 'extended', plannedEnd: '2026-03-10', reasons: [expect.objectContaining({ type: 'extension' })] }),
    ]);
    expect(agenda.takesPlace).toBe(true);
  });
});

describe('R13: the three parts of the agenda', () => {
  it('R13a: a candidacy is in the overview, marked as such, without lease dates', () => {
    const candidacy = dossier({ status: 'candidacy', leaseStart: undefined, signatures: {} });
    const agenda = agendaOf({ dossiers: [candidacy] });
    expect(agenda.overview).toEqual([
      { dossierId: 'd-1', number: 'VT-2025-001', kind: 'VT', status: 'candidacy', candidacy: true, dueMilestones: [], toDiscuss: false },
    ]);
    expect(agenda.toDiscuss).toEqual([]);
  });

  it('R13a: a running dossier in the overview has its planned end and whether it is discussed', () => {
    const agenda = agendaOf({ flags: [flag()] });
    expect(agenda.overview).toEqual([
      { dossierId: 'd-1', number: 'VT-2025-001', kind: 'VT', status: 'active', candidacy: false, leaseStart: '2025-03-05', plannedEnd: '2026-03-05', dueMilestones: [], toDiscuss: true },
    ]);
  });

  it('R13c: ongoing support outside accelerated allocation is in the other trajectories, and can be discussed', () => {
    const other = dossier({ id: 'd-9', number: 'AW-2025-003', kind: 'other' });
    const agenda = agendaOf({ dossiers: [dossier(), other], signals: [signal({ dossierId: 'd-9' })] });
    expect(agenda.overview.map((e) => e.dossierId)).toEqual(['d-1']);
    expect(agenda.otherTrajectories).toEqual([expect.objectContaining({ dossierId: 'd-9', kind: 'other', toDiscuss: true })]);
    expect(discussedIds(agenda)).toEqual(['d-9']);
  });

  it('R13: closed trajectories are on no part of the agenda, even with a signal', () => {
    const stopped = dossier({ status: 'stopped', closedOn: '2025-11-05' });
    const ended = dossier({ id: 'd-2', number: 'VT-2025-002', status: 'closed-positive', closedOn: '2025-10-01' });
    const agenda = agendaOf({ dossiers: [stopped, ended], signals: [signal(), signal({ id: 's-2', dossierId: 'd-2' })] });
    expect([agenda.overview, agenda.toDiscuss, agenda.otherTrajectories, agenda.evaluatedWithoutDiscussion]).toEqual([[], [], [], []]);
  });

  it('R13: ordered by dossier number, whatever the input order', () => {
    const dossiers = ['VT-2025-030', 'VT-2024-101', 'VT-2025-002'].map((number, i) => dossier({ id: `d-${i}`, number }));
    const agenda = agendaOf({ dossiers, flags: dossiers.map((d) => flag({ dossierId: d.id })) });
    expect(agenda.overview.map((e) => e.number)).toEqual(['VT-2024-101', 'VT-2025-002', 'VT-2025-030']);
    expect(agenda.toDiscuss.map((e) => e.number)).toEqual(['VT-2024-101', 'VT-2025-002', 'VT-2025-030']);
  });
});

describe('R4: contact counts since the previous consultation', () => {
  const log = [contact('2025-10-29', true), contact('2025-10-30', true), contact('2025-11-10', true), contact('2025-11-20', false), contact('2025-11-27', true)];

  it('R4: held and missed contacts in the window, for a dossier whose contact log is active', () => {
    const agenda = agendaOf({ dossiers: [dossier({ contactLogActive: true })], flags: [flag()], contactLog: log });
    expect(agenda.toDiscuss[0]?.contacts).toEqual({ held: 2, missed: 1 });
  });

  it('R4: zero counts are shown too', () => {
    const agenda = agendaOf({ dossiers: [dossier({ contactLogActive: true })], flags: [flag()] });
    expect(agenda.toDiscuss[0]?.contacts).toEqual({ held: 0, missed: 0 });
  });

  it('R4: no counts when the consultation did not decide to log contacts', () => {
    const agenda = agendaOf({ flags: [flag()], contactLog: log });
    expect(agenda.toDiscuss[0]).not.toHaveProperty('contacts');
  });
});

describe('R15: which flags count', () => {
  it.each<[string, Flag]>([
    ['a withdrawn flag', flag({ withdrawnAt: '2025-11-22T10:00:00+01:00' })],
    ['a flag for another month', flag({ month: '2025-12' })],
    ["a flag for another partner's consultation", flag({ partnerId: REGISTERING })],
  ])('R15: %s does not put the dossier on the list', (_label, f) => {
    expect(agendaOf({ flags: [f] }).toDiscuss).toEqual([]);
  });

  it('R15: a flag withdrawn and flagged again counts once', () => {
    const agenda = agendaOf({ flags: [flag({ withdrawnAt: '2025-11-22T10:00:00+01:00' }), flag({ problem: 'Opnieuw: overlast.', flaggedAt: '2025-11-23T10:00:00+01:00' })] });
    expect(reasonsOf(agenda)).toEqual([expect.objectContaining({ type: 'flag', problem: { personal: true, text: 'Opnieuw: overlast.' } })]);
  });
});

describe('DESIGN Security: only the partner\'s own dossiers, with the least personal data', () => {
  it('R6: dossiers of other partners, or handed over by this partner, are never on the agenda', () => {
    const others = dossier({ id: 'd-x', number: 'VT-2025-900', registeringPartnerId: OTHER_PARTNER, supportingPartnerId: OTHER_PARTNER });
    const handedOver = dossier({ id: 'd-y', number: 'VT-2025-901', supportingPartnerId: OTHER_PARTNER, registeringPartnerId: PARTNER, formerPartnerIds: [PARTNER] });
    const agenda = agendaOf({
      dossiers: [others, handedOver],
      signals: [signal({ dossierId: 'd-x' }), signal({ dossierId: 'd-y' })],
      flags: [flag({ dossierId: 'd-x' }), flag({ dossierId: 'd-y' })],
    });
    expect(JSON.stringify(agenda)).not.toMatch(/d-x|d-y|VT-2025-90/);
    expect(agenda.takesPlace).toBe(false);
  });

  it('the registering partner sees the dossier too', () => {
    expect(discussedIds(agendaOf({ partnerId: REGISTERING, signals: [signal({ partnerId: REGISTERING })] }))).toEqual(['d-1']);
  });

  it('records of dossiers that are not passed in are ignored', () => {
    expect(agendaOf({ signals: [signal({ dossierId: 'unknown' })], flags: [flag({ dossierId: 'unknown' })] }).toDiscuss).toEqual([]);
  });

  it('holds no tenant name, address, support worker, signal description or visit note; the problem statement only as personal text', () => {
    const d = dossier({ contactLogActive: true });
    const agenda = agendaOf({
      dossiers: [d],
      signals: [signal()],
      flags: [flag()],
      visits: [visit({ findings: [{ part: 'garage', ok: false, note: 'Opslag van gasflessen' }] })],
      contactLog: [contact('2025-11-03', false)],
    });
    const text = JSON.stringify(agenda);
    for (const personal of [d.tenant.name, d.tenant.address ?? '', d.supportWorker.name, d.supportWorker.email ?? '', signal().description, 'gasflessen', 'niet thuis']) {
      expect(text).not.toContain(personal);
    }
    const problems: unknown[] = [];
    const walk = (value: unknown, parent?: Record<string, unknown>): void => {
      if (value === flag().problem) problems.push(parent);
      else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v, value as Record<string, unknown>);
    };
    walk(agenda);
    expect(problems).toEqual([{ personal: true, text: flag().problem }]);
  });

  it('does not change its input', () => {
    const input: AgendaInput = {
      partnerId: PARTNER,
      month: NOVEMBER,
      dossiers: [dossier()],
      signals: [signal()],
      flags: [flag()],
      visits: [visit()],
      contactLog: [contact('2025-11-03', true)],
      now: BEFORE_NOVEMBER_DEADLINE,
    };
    const before = JSON.stringify(input);
    buildAgenda(input, config);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('input', () => {
  it.each(['2025-11-20T10:00:00', 'gisteren', '2025-11-20'])('refuses the moment "%s" (no offset) with a Dutch message', (now) => {
    expect(() => agendaOf({ now })).toThrow(DomainError);
    expect(() => agendaOf({ now })).toThrow(/Ongeldig tijdstip/);
  });

  it('refuses an invalid month', () => {
    expect(() => agendaOf({ month: '2025-13' })).toThrow(/Ongeldige maand/);
  });
});

describe('properties', () => {
  const PARTNERS = ['p1', 'p2', 'p3'];
  const DOSSIER_IDS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
  const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01'];
  const STATUSES: TrajectoryStatus[] = ['candidacy', 'active', 'extended', 'closed-positive', 'stopped'];
  const CATEGORIES: SignalCategory[] = ['insufficient-cooperation', 'insufficient-results', 'aggression', 'liveability', 'damage-risk', 'safety', 'other'];
  const BASE_MS = Date.parse('2025-09-01T00:00:00Z');

  const day = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));
  const instant = fc.integer({ min: 0, max: 180 * 24 * 60 }).map((minutes) => new Date(BASE_MS + minutes * 60_000).toISOString());

  const dossierArb = fc.record({
    id: fc.constantFrom(...DOSSIER_IDS),
    number: fc.stringMatching(/^VT-202[45]-\d{3}$/),
    kind: fc.constantFrom('VT' as const, 'other' as const),
    status: fc.constantFrom(...STATUSES),
    registeringPartnerId: fc.constantFrom(...PARTNERS),
    supportingPartnerId: fc.constantFrom(...PARTNERS),
    formerPartnerIds: fc.subarray(PARTNERS),
    leaseStart: fc.option(day('2024-06-01', 600), { nil: undefined }),
    extensions: fc.array(fc.record({ months: fc.constantFrom(3, 6), decidedOn: day('2025-06-01', 240) }), { maxLength: 2 }),
    contactLogActive: fc.boolean(),
  }).map((d) => dossier(d));

  const inputArb = fc.record({
    partnerId: fc.constantFrom(...PARTNERS),
    month: fc.constantFrom(...MONTHS),
    now: instant,
    dossiers: fc.uniqueArray(dossierArb, { selector: (d) => d.id, maxLength: 6 }),
    signals: fc.array(
      fc.record({ id: fc.uuid(), dossierId: fc.constantFrom(...DOSSIER_IDS, 'unknown'), category: fc.constantFrom(...CATEGORIES), raisedAt: instant }).map((s) => signal(s)),
      { maxLength: 6 },
    ),
    flags: fc.array(
      fc.record({
        dossierId: fc.constantFrom(...DOSSIER_IDS),
        partnerId: fc.constantFrom(...PARTNERS),
        month: fc.constantFrom(...MONTHS),
        withdrawnAt: fc.option(instant, { nil: undefined }),
      }).map((f) => flag(f)),
      { maxLength: 6 },
    ),
    visits: fc.array(
      fc.record({
        id: fc.uuid(),
        dossierId: fc.constantFrom(...DOSSIER_IDS),
        kind: fc.constantFrom('home-visit-3m' as const, 'extra' as const, 'final-evaluation' as const),
        heldOn: fc.option(day('2025-08-01', 200), { nil: undefined }),
        findings: fc.array(fc.record({ part: fc.constantFrom('house' as const, 'garden' as const, 'terrace' as const, 'garage' as const), ok: fc.boolean() }), { maxLength: 3 }),
        seriousDefects: fc.boolean(),
      }).map((v) => visit(v)),
      { maxLength: 6 },
    ),
    contactLog: fc.array(
      fc
        .record({ id: fc.uuid(), dossierId: fc.constantFrom(...DOSSIER_IDS), date: day('2025-09-01', 150), held: fc.boolean() })
        .map((c) => ({ ...contact(c.date, c.held, c.id), dossierId: c.dossierId })),
      { maxLength: 6 },
    ),
  });

  const mentionedDossierIds = (agenda: Agenda): string[] => [
    ...agenda.overview.map((e) => e.dossierId),
    ...agenda.toDiscuss.map((e) => e.dossierId),
    ...agenda.otherTrajectories.map((e) => e.dossierId),
    ...agenda.evaluatedWithoutDiscussion.map((e) => e.dossierId),
  ];

  it('DESIGN Security/R6: the agenda only ever mentions dossiers the partner may see', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const agenda = buildAgenda(input, config);
        const visible = new Set(
          input.dossiers
            .filter((d) => (d.registeringPartnerId === input.partnerId || d.supportingPartnerId === input.partnerId) && !d.formerPartnerIds.includes(input.partnerId))
            .map((d) => d.id),
        );
        for (const id of mentionedDossierIds(agenda)) expect(visible.has(id)).toBe(true);
        const text = JSON.stringify(agenda);
        for (const d of input.dossiers.filter((x) => !visible.has(x.id))) expect(text).not.toContain(`"${d.id}"`);
        expect(text).not.toContain(dossier().tenant.name);
      }),
    );
  });

  it('DESIGN Security: partnerSeesDossier is the partner side of the access policy (canReadDossier)', () => {
    fc.assert(
      fc.property(dossierArb, fc.constantFrom(...PARTNERS), (d, partnerId) => {
        const member = { landlordId: d.landlordId, tenantId: 't', objectId: 'o', displayName: 'x', role: 'partner-member' as const, partnerId };
        expect(partnerSeesDossier(d, partnerId)).toBe(canReadDossier(member, d));
      }),
    );
  });

  it('R15: takesPlace === (toDiscuss.length > 0), and cancelled only when the list is closed with nothing to discuss', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const agenda = buildAgenda(input, config);
        expect(agenda.takesPlace).toBe(agenda.toDiscuss.length > 0);
        expect(agenda.cancelled).toBe(agenda.listClosed && !agenda.takesPlace);
      }),
    );
  });

  it('R14: every dossier on the list has at least one reason, and none is also evaluated without discussion', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const agenda = buildAgenda(input, config);
        const discussed = new Set(agenda.toDiscuss.map((e) => e.dossierId));
        for (const entry of agenda.toDiscuss) expect(entry.reasons.length).toBeGreaterThan(0);
        for (const e of agenda.evaluatedWithoutDiscussion) expect(discussed.has(e.dossierId)).toBe(false);
        for (const e of [...agenda.overview, ...agenda.otherTrajectories]) expect(e.toDiscuss).toBe(discussed.has(e.dossierId));
      }),
    );
  });

  it('R13: every open dossier of the partner is in exactly one of overview and other trajectories, ordered by number', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const agenda = buildAgenda(input, config);
        const listed = [...agenda.overview, ...agenda.otherTrajectories].map((e) => e.dossierId);
        const openOfPartner = input.dossiers
          .filter((d) => ['candidacy', 'active', 'extended'].includes(d.status))
          .filter((d) => [d.registeringPartnerId, d.supportingPartnerId].includes(input.partnerId) && !d.formerPartnerIds.includes(input.partnerId))
          .map((d) => d.id);
        expect([...listed].sort()).toEqual([...openOfPartner].sort());
        for (const part of [agenda.overview, agenda.toDiscuss, agenda.otherTrajectories]) {
          const numbers = part.map((e) => e.number);
          expect(numbers).toEqual([...numbers].sort());
        }
      }),
    );
  });
});

describe('R-H: the consultation after a cancelled month takes over its dossiers', () => {
  // Closed all of August 2027: August has no consultation (its meeting would be 30/07, after July's of 29/07).
  const august = { closingDays: Array.from({ length: 31 }, (_, i) => `2027-08-${String(i + 1).padStart(2, '0')}`) };
  const september = (input: Partial<AgendaInput>) =>
    buildAgenda({ partnerId: PARTNER, month: '2027-09', dossiers: [dossier()], signals: [], flags: [], visits: [], contactLog: [], now: '2027-09-20T10:00:00+02:00', ...input }, august);

  it("R-H, R15: a flag set for August before the closing days were known is on September's list", () => {
    const agenda = september({ flags: [flag({ month: '2027-08', flaggedAt: '2027-07-01T10:00:00+02:00' })] });
    expect(reasonsOf(agenda)?.map((r) => r.type)).toEqual(['flag']);
    expect(agenda.calendar.takesOver?.months).toEqual(['2027-08']);
  });

  it("R-H, R14: \"since the previous consultation\" reaches back to July's: a signal of 29/07 afternoon is on September's list", () => {
    const agenda = september({ signals: [signal({ raisedAt: '2027-07-29T15:00:00+02:00' })] });
    expect(reasonsOf(agenda)?.map((r) => r.type)).toEqual(['signal']);
    expect(agenda.window.from).toBe('2027-07-29T00:00:00+02:00');
  });

  it('R-H: the cancelled month itself does not take place', () => {
    const agenda = buildAgenda({ partnerId: PARTNER, month: '2027-08', dossiers: [dossier()], signals: [], flags: [flag({ month: '2027-08' })], visits: [], contactLog: [], now: '2027-07-20T10:00:00+02:00' }, august);
    expect(agenda).toMatchObject({ takesPlace: false, cancelled: true });
  });
});
