/**
 * The agenda of one partner's monthly consultation (R13, R14, R15, R4, R17-R20), from plain data.
 *
 * - R13: three parts: (a) `overview` of the partner's ongoing accelerated-allocation (VT) dossiers,
 *   (b) `toDiscuss`, the dossiers with difficulties, each with its reasons, (c) `otherTrajectories`,
 *   ongoing support the landlord asked of this partner outside accelerated allocation.
 * - R14: a dossier is to discuss when, since the previous consultation, a signal was raised (R8, R9),
 *   it was flagged for this month (R15), it is in extension (R20), a home visit found problems (R17,
 *   R18) or a decision is pending after a final evaluation (R19). [product] The due milestones (R11) of
 *   the other dossiers are evaluated without discussion; a 10-month one then "ends positively".
 * - R15: without anything to discuss the consultation does not take place; once the flag deadline has
 *   passed with nothing to discuss it is cancelled. Until then the list can still change.
 * - R4: for a dossier whose contact log is active, the counts of held and missed home contacts.
 *
 * "Since the previous consultation" is the window from the previous month's flag deadline (inclusive)
 * to this month's (exclusive): a signal raised on the meeting day goes to next month's list. Records
 * with a calendar day (visits, contacts) use the same window in days: from the previous meeting day
 * (inclusive) to this meeting day (exclusive).
 *
 * Callers may pass more records than the window holds (a dossier's whole history): this module picks
 * what applies. It only ever looks at dossiers the partner may see (registering or supporting partner,
 * not a former partner, R6) that are still open; records of other dossiers are ignored.
 *
 * The output holds no tenant names or addresses: ids, dossier numbers, kinds, statuses, dates and
 * reasons. A flag's problem statement is the one piece of free text, wrapped as `PersonalText` so a
 * renderer escapes it, shows it only in the partner's own conversation and never logs it. Signal
 * descriptions and visit notes are left out. Everything is ordered by dossier number, then id.
 */
import { agendaMessages as msg } from '../messages/agenda';
import {
  consultationOnOrAfter,
  flagDeadlinePassed,
  instantMillis,
  monthCalendar,
  previousConsultationMonth,
  type CalendarConfig,
  type MonthCalendar,
} from './calendar';
import { partnerSeesDossier } from './access';
import { addDays } from './dates';
import { DomainError } from './errors';
import { milestones, plannedEndOf, type Milestone } from './milestones';
import { pendingExtension } from './trajectory-end';
import { isOpenDossier, isRunning } from './trajectory';
import { signalCountsFor } from './transfer';
import type {
  ContactLogEntry,
  Dossier,
  Flag,
  HomePart,
  Instant,
  IsoDate,
  MilestoneKind,
  Signal,
  SignalCategory,
  TrajectoryKind,
  TrajectoryStatus,
  Visit,
  YearMonth,
} from './types';

// ---------------------------------------------------------------------------------------------
// Shapes

/** Free text written by a person (personal data): escape it, keep it out of logs and shared chats. */
export interface PersonalText {
  readonly personal: true;
  readonly text: string;
}

export interface DueMilestone {
  kind: MilestoneKind;
  due: IsoDate;
}

/** Why a dossier is on the "to discuss" list (R14). */
export type AgendaReason =
  | { type: 'signal'; signalId: string; category: SignalCategory; safety: boolean; raisedAt: Instant }
  | { type: 'flag'; problem: PersonalText; flaggedBy: string; flaggedByLandlord: boolean; flaggedAt: Instant }
  | { type: 'extension'; extensions: number; lastDecidedOn?: IsoDate }
  | { type: 'visit-problems'; visitId: string; visitKind: Visit['kind']; heldOn: IsoDate; partsWithProblems: HomePart[]; seriousDefects: boolean }
  | { type: 'decision-pending'; visitId: string; finalEvaluationOn: IsoDate };

export type AgendaReasonType = AgendaReason['type'];

/** The order of reasons within a dossier; within a type, oldest first. */
export const REASON_ORDER: readonly AgendaReasonType[] = ['signal', 'flag', 'visit-problems', 'decision-pending', 'extension'];

interface DossierRef {
  dossierId: string;
  number: string;
  kind: TrajectoryKind;
  status: TrajectoryStatus;
}

/** (a) and (c): an ongoing dossier of the partner. */
export interface OverviewEntry extends DossierRef {
  /** Not yet started: the lease is not ratified (R1). */
  candidacy: boolean;
  leaseStart?: IsoDate;
  /** R2: lease start + 12 months + extensions; absent for a candidacy. */
  plannedEnd?: IsoDate;
  /** R11: the milestones that belong to this month's consultation. */
  dueMilestones: DueMilestone[];
  /** Also on the "to discuss" list. */
  toDiscuss: boolean;
}

/** (b): a dossier with difficulties. */
export interface DiscussionEntry extends DossierRef {
  /** Never empty. */
  reasons: AgendaReason[];
  dueMilestones: DueMilestone[];
  plannedEnd?: IsoDate;
  /** R4: only when the dossier's contact log is active. */
  contacts?: { held: number; missed: number };
}

/** R14 [product]: a due milestone of a dossier without difficulties, evaluated without discussion. */
export interface EvaluatedMilestone {
  dossierId: string;
  number: string;
  milestone: MilestoneKind;
  due: IsoDate;
  consultation: IsoDate;
  /** R19: the 10-month evaluation without difficulties counts as "ends positively". */
  endsPositively: boolean;
}

/** "Since the previous consultation": [from, until) in moments, [fromDate, untilDate) in days. */
export interface RecordWindow {
  from: Instant;
  until: Instant;
  fromDate: IsoDate;
  untilDate: IsoDate;
}

export interface Agenda {
  partnerId: string;
  month: YearMonth;
  calendar: MonthCalendar;
  window: RecordWindow;
  /** R15: the flag deadline has passed; the list no longer changes. */
  listClosed: boolean;
  /** R15: there is something to discuss. */
  takesPlace: boolean;
  /** R15: the list is closed with nothing to discuss: the partner is told the meeting is off. */
  cancelled: boolean;
  overview: OverviewEntry[];
  toDiscuss: DiscussionEntry[];
  otherTrajectories: OverviewEntry[];
  /** Provisional until `listClosed`: a late flag still moves a dossier to `toDiscuss`. */
  evaluatedWithoutDiscussion: EvaluatedMilestone[];
}

export interface AgendaInput {
  partnerId: string;
  month: YearMonth;
  /** The partner's dossiers; any other dossier passed in is ignored. */
  dossiers: readonly Dossier[];
  signals: readonly Signal[];
  /** Flags of this partner's consultations; withdrawn ones and other months are ignored. */
  flags: readonly Flag[];
  /** All visits of the dossiers: R19 looks back further than the window. */
  visits: readonly Visit[];
  contactLog: readonly ContactLogEntry[];
  now: Instant;
}

// ---------------------------------------------------------------------------------------------
// Small rules, exported for the services and the flag rules

// The status sets and who sees a dossier have one definition each (trajectory.ts, access.ts).
export { isOpenDossier } from './trajectory';
export { partnerSeesDossier } from './access';


const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks a moment is ISO 8601 with an explicit offset (never read in the server's zone). */
export function assertInstant(value: Instant): Instant {
  if (typeof value !== 'string' || !INSTANT_WITH_OFFSET.test(value) || Number.isNaN(instantMillis(value))) {
    throw new DomainError('validation', msg.invalidInstant);
  }
  return value;
}

/** R14: "since the previous consultation" for the consultation of `month`. */
export function recordWindow(month: YearMonth, config: CalendarConfig): RecordWindow {
  const previous = monthCalendar(previousConsultationMonth(month, config), config); // R-H: past cancelled months
  const current = monthCalendar(month, config);
  return { from: previous.flagDeadline, until: current.flagDeadline, fromDate: previous.meetingDate, untilDate: current.meetingDate };
}

export function isInWindow(moment: Instant, window: RecordWindow): boolean {
  const millis = instantMillis(moment);
  return millis >= instantMillis(window.from) && millis < instantMillis(window.until);
}

export const isDayInWindow = (day: IsoDate, window: RecordWindow): boolean => day >= window.fromDate && day < window.untilDate;

export const isActiveFlag = (flag: Flag): boolean => !flag.withdrawnAt;

const visitHasProblems = (visit: Visit): boolean => visit.seriousDefects || visit.findings.some((f) => !f.ok);

// ---------------------------------------------------------------------------------------------
// Per dossier

/** The partner's open dossiers, one per id, by number then id. */
function partnerDossiers(dossiers: readonly Dossier[], partnerId: string): Dossier[] {
  const byId = new Map<string, Dossier>();
  for (const d of dossiers) if (!byId.has(d.id) && partnerSeesDossier(d, partnerId) && isOpenDossier(d)) byId.set(d.id, d);
  return [...byId.values()].sort(byNumber);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: Dossier, b: Dossier): number => compareText(a.number, b.number) || compareText(a.id, b.id);

function groupByDossier<T extends { dossierId: string }>(records: readonly T[], keep: (record: T) => boolean): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    if (!keep(record)) continue;
    const group = groups.get(record.dossierId);
    if (group) group.push(record);
    else groups.set(record.dossierId, [record]);
  }
  return groups;
}

function milestonesOf(dossier: Dossier, config: CalendarConfig): Milestone[] {
  if (!dossier.leaseStart) return [];
  return milestones({ leaseStart: dossier.leaseStart, extensions: dossier.extensions.map((e) => e.months), kind: dossier.kind }, config);
}

const plannedEndFor = (dossier: Dossier): IsoDate | undefined =>
  dossier.leaseStart ? plannedEndOf(dossier.leaseStart, dossier.extensions.map((e) => e.months)) : undefined;

/**
 * R17/R18: the meeting date of the consultation where a held visit's findings are discussed: the first
 * consultation after the visit day (a visit on the meeting day goes to the next one), and for the
 * 3-month visit no earlier than the consultation of the 4-month evaluation.
 */
export function visitConsultation(visit: Visit & { heldOn: IsoDate }, evaluation4m: IsoDate | null | undefined, config: CalendarConfig): IsoDate {
  const next = consultationOnOrAfter(addDays(visit.heldOn, 1), config).meetingDate;
  return visit.kind === 'home-visit-3m' && evaluation4m && evaluation4m > next ? evaluation4m : next;
}

const isHeld = (visit: Visit): visit is Visit & { heldOn: IsoDate } => typeof visit.heldOn === 'string' && visit.heldOn !== '';

const byMoment = <T>(at: (x: T) => Instant, id: (x: T) => string) => (a: T, b: T): number =>
  instantMillis(at(a)) - instantMillis(at(b)) || compareText(id(a), id(b));

interface DossierRecords {
  signals: Signal[];
  flags: Flag[];
  visits: Visit[];
  contacts: ContactLogEntry[];
}

function signalReasons(signals: readonly Signal[]): AgendaReason[] {
  return [...signals]
    .sort(byMoment((s: Signal) => s.raisedAt, (s) => s.id))
    .map((s) => ({ type: 'signal', signalId: s.id, category: s.category, safety: s.category === 'safety', raisedAt: s.raisedAt }));
}

function flagReasons(flags: readonly Flag[]): AgendaReason[] {
  return [...flags]
    .sort(byMoment((f: Flag) => f.flaggedAt, (f) => f.flaggedBy))
    .map((f) => ({
      type: 'flag',
      problem: { personal: true, text: f.problem },
      flaggedBy: f.flaggedBy,
      flaggedByLandlord: f.source === 'landlord',
      flaggedAt: f.flaggedAt,
    }));
}

/** R20: a dossier in extension is discussed every month. */
function extensionReasons(dossier: Dossier): AgendaReason[] {
  if (dossier.status !== 'extended') return [];
  const last = dossier.extensions[dossier.extensions.length - 1];
  return [last ? { type: 'extension', extensions: dossier.extensions.length, lastDecidedOn: last.decidedOn } : { type: 'extension', extensions: 0 }];
}

/** R17/R18/R19: held visits with problems whose findings belong to this consultation. */
function visitReasons(
  visits: readonly Visit[],
  evaluation4m: IsoDate | null | undefined,
  meetingDate: IsoDate,
  config: CalendarConfig,
): AgendaReason[] {
  return visits
    .filter(isHeld)
    .filter((v) => visitHasProblems(v) && visitConsultation(v, evaluation4m, config) === meetingDate)
    .sort((a, b) => compareText(a.heldOn, b.heldOn) || compareText(a.id, b.id))
    .map((v) => ({
      type: 'visit-problems',
      visitId: v.id,
      visitKind: v.kind,
      heldOn: v.heldOn,
      partsWithProblems: v.findings.filter((f) => !f.ok).map((f) => f.part),
      seriousDefects: v.seriousDefects,
    }));
}

/**
 * R19: the latest final evaluation held before this meeting (with the support worker present) found
 * serious defects, and no extension was decided since: the consultation must set the extension.
 */
function decisionPendingReasons(dossier: Dossier, visits: readonly Visit[], meetingDate: IsoDate, config: CalendarConfig): AgendaReason[] {
  if (!isRunning(dossier)) return [];
  const pending = pendingExtension(dossier, visits, meetingDate, config);
  return pending ? [{ type: 'decision-pending', visitId: pending.visitId, finalEvaluationOn: pending.finalEvaluationOn }] : [];
}

const reasonRank = (reason: AgendaReason): number => REASON_ORDER.indexOf(reason.type);

function contactCounts(contacts: readonly ContactLogEntry[]): { held: number; missed: number } {
  const held = contacts.filter((c) => c.held).length;
  return { held, missed: contacts.length - held };
}

// ---------------------------------------------------------------------------------------------
// The agenda

export function buildAgenda(input: AgendaInput, config: CalendarConfig): Agenda {
  assertInstant(input.now);
  const { partnerId, month } = input;
  const calendar = monthCalendar(month, config);
  const window = recordWindow(month, config);
  const meetingDate = calendar.meetingDate;

  const mine = partnerDossiers(input.dossiers, partnerId);
  const byId = new Map(mine.map((d) => [d.id, d]));
  // R6: a signal counts for the organisation that holds the dossier in the raiser's place (the raiser itself until it hands over).
  const counts = (s: Signal): boolean => {
    const dossier = byId.get(s.dossierId);
    return dossier !== undefined && signalCountsFor(dossier, s, partnerId);
  };
  const signals = groupByDossier(input.signals, (s) => isInWindow(s.raisedAt, window) && counts(s));
  // R-H: a cancelled month's flags come to the consultation that takes over its dossiers.
  const flagMonths = new Set([month, ...(calendar.takesOver?.months ?? [])]);
  const flags = groupByDossier(input.flags, (f) => flagMonths.has(f.month) && f.partnerId === partnerId && isActiveFlag(f));
  const visits = groupByDossier(input.visits, () => true);
  const contacts = groupByDossier(input.contactLog, (c) => isDayInWindow(c.date, window));
  const recordsOf = (id: string): DossierRecords => ({
    signals: signals.get(id) ?? [],
    flags: flags.get(id) ?? [],
    visits: visits.get(id) ?? [],
    contacts: contacts.get(id) ?? [],
  });

  const overview: OverviewEntry[] = [];
  const toDiscuss: DiscussionEntry[] = [];
  const otherTrajectories: OverviewEntry[] = [];
  const evaluatedWithoutDiscussion: EvaluatedMilestone[] = [];

  for (const dossier of mine) {
    const records = recordsOf(dossier.id);
    const all = milestonesOf(dossier, config);
    const due: DueMilestone[] = all.filter((m) => m.consultation === meetingDate).map((m) => ({ kind: m.kind, due: m.due }));
    const evaluation4m = all.find((m) => m.kind === 'evaluation-4m')?.consultation;
    const reasons = [
      ...signalReasons(records.signals),
      ...flagReasons(records.flags),
      ...visitReasons(records.visits, evaluation4m, meetingDate, config),
      ...decisionPendingReasons(dossier, records.visits, meetingDate, config),
      ...extensionReasons(dossier),
    ].sort((a, b) => reasonRank(a) - reasonRank(b)); // stable: keeps the time order within a type
    const ref: DossierRef = { dossierId: dossier.id, number: dossier.number, kind: dossier.kind, status: dossier.status };
    const plannedEnd = plannedEndFor(dossier);

    if (reasons.length > 0) {
      const entry: DiscussionEntry = { ...ref, reasons, dueMilestones: due };
      if (plannedEnd) entry.plannedEnd = plannedEnd;
      if (dossier.contactLogActive) entry.contacts = contactCounts(records.contacts); // R4
      toDiscuss.push(entry);
    } else {
      // R14 [product]: evaluated without discussion; the 10-month one ends positively (R19).
      for (const m of due) {
        evaluatedWithoutDiscussion.push({
          dossierId: dossier.id,
          number: dossier.number,
          milestone: m.kind,
          due: m.due,
          consultation: meetingDate,
          endsPositively: m.kind === 'evaluation-10m',
        });
      }
    }

    const entry: OverviewEntry = { ...ref, candidacy: dossier.status === 'candidacy', dueMilestones: due, toDiscuss: reasons.length > 0 };
    if (dossier.leaseStart) entry.leaseStart = dossier.leaseStart;
    if (plannedEnd) entry.plannedEnd = plannedEnd;
    (dossier.kind === 'VT' ? overview : otherTrajectories).push(entry); // R13 (a) and (c)
  }

  const listClosed = flagDeadlinePassed(calendar, input.now);
  const takesPlace = toDiscuss.length > 0 && !calendar.cancelled; // R-H: a cancelled month has none
  return {
    partnerId,
    month,
    calendar,
    window,
    listClosed,
    takesPlace,
    cancelled: Boolean(calendar.cancelled) || (listClosed && !takesPlace),
    overview,
    toDiscuss,
    otherTrajectories,
    evaluatedWithoutDiscussion,
  };
}
