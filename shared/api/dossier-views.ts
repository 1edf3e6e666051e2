/**
 * What the dossier page and list show, built from the services' results as plain functions: the
 * milestones with their state (shared/rules/milestone-state.ts), the timeline of a dossier (lease start,
 * milestones with their consultations, visits and findings, signals, extensions,
 * transfers, information requests, contacts, planned end), what is due next and what is overdue, and
 * which forms the user may use. Dutch labels from shared/messages/tab.ts. No I/O, no clock.
 */
import { agendaMessages } from '../messages/agenda';
import { tabMessages as msg } from '../messages/tab';
import { trajectoryMessages } from '../messages/trajectory';
import type { Milestone } from '../rules/milestones';
import { milestoneStates } from '../rules/milestone-state';
import { isRunning, openTransfer, type TrajectoryStep } from '../rules/trajectory';
import { isFinalEvaluationWithoutWorker } from '../rules/trajectory-end';
import type { Action } from '../rules/access';
import type { ContactLogEntry, Dossier, InformationRequest, IsoDate, ObligationDocuments, Signal, User, Visit } from '../rules/types';
import { SIGNATORIES } from '../rules/types';
import type { DossierPage, FormId, MilestoneView, TimelineEntry } from './dossier-schemas';


type State = TimelineEntry['state'];

/** R3: the obligation documents with their versions, in a fixed order, one line each. */
export function documentLines(documents: ObligationDocuments): string[] {
  const order: (keyof ObligationDocuments)[] = ['lease', 'toelichting', 'rio', 'huisdierenbeleid'];
  return order.flatMap((key) => (documents[key] ? [msg.dossier.document(msg.dossier.documentName[key], documents[key] as string)] : []));
}

const dayOf = (instant: string): IsoDate => instant.slice(0, 10);

/** R11, R17, R19, R20: the milestones with their one state (shared/rules/milestone-state.ts); "held" reads as done on the page. */
export function milestoneViews(list: readonly Milestone[], visits: readonly Visit[], today: IsoDate): MilestoneView[] {
  return milestoneStates(list, visits, today).map((m) => ({
    kind: m.kind,
    label: msg.timeline.milestone[m.kind] ?? m.kind,
    due: m.due,
    consultation: m.consultation,
    state: m.state === 'held' ? 'done' : m.state,
  }));
}

const entry = (date: IsoDate, type: string, label: string, state: State, detail?: string): TimelineEntry => ({
  date,
  type,
  label,
  state,
  stateLabel: msg.timeline.state[state] ?? state,
  ...(detail ? { detail } : {}),
});

const signalLabel = (s: Signal) => (s.category === 'safety' ? msg.timeline.safetySignal : msg.timeline.signal(agendaMessages.signalCategory[s.category]));

/** R8/R9: the signals shown under "Signalen", newest first: kind, moment, organisation, description. */
export const signalViews = (signals: readonly (Signal & { partnerName: string })[]): DossierPage['signals'] =>
  [...signals].reverse().map((s) => ({ id: s.id, category: s.category, label: signalLabel(s), raisedAt: s.raisedAt, partnerName: s.partnerName, description: s.description, safety: s.category === 'safety' }));

/** Facts someone entered with their own date (not derived, like milestones): these can predate the dossier. */
const ENTERED = new Set(['signature', 'consent', 'consent-withdrawn', 'lease-start', 'visit', 'contact']);

export interface TimelineInput {
  dossier: Dossier;
  milestones: readonly MilestoneView[];
  plannedEnd?: IsoDate;
  visits: readonly Visit[];
  signals: readonly (Signal & { partnerName: string })[];
  informationRequests: readonly InformationRequest[];
  contactLog: readonly ContactLogEntry[];
  today: IsoDate;
  /** Meeting day of the next consultation (today's or later): where what is pending gets decided. */
  nextConsultation?: IsoDate;
}

export function timeline(input: TimelineInput): TimelineEntry[] {
  const { dossier: d, today } = input;
  const t = msg.timeline;
  const out: TimelineEntry[] = [entry(d.createdOn, 'created', t.created, 'done')];
  for (const who of SIGNATORIES) {
    const on = d.signatures[who];
    if (on) out.push(entry(on, 'signature', t.signed(trajectoryMessages.signatoryLabel[who]), 'done'));
  }
  if (d.consent) {
    out.push(entry(d.consent.givenOn, 'consent', t.consentGiven, 'done'));
    if (d.consent.withdrawnOn) out.push(entry(d.consent.withdrawnOn, 'consent-withdrawn', t.consentWithdrawn, 'done'));
  }
  if (d.leaseStart) out.push(entry(d.leaseStart, 'lease-start', t.leaseStart, d.leaseStart <= today ? 'done' : 'planned'));
  for (const m of input.milestones) {
    out.push(entry(m.consultation ?? m.due, 'milestone', m.label, m.state, m.consultation ? t.atConsultation(m.consultation) : undefined));
  }
  for (const v of input.visits) {
    const kind = t.visitKind[v.kind] ?? v.kind;
    if (v.heldOn) {
      const parts = v.findings.filter((f) => !f.ok).map((f) => agendaMessages.homePart[f.part]);
      const details = [t.findings(parts)];
      if (v.seriousDefects) details.push(t.seriousDefects);
      if (v.supportWorkerPresent === false) details.push(t.workerAbsent);
      if (isFinalEvaluationWithoutWorker(v)) details.push(t.notFinalEvaluation); // R19
      out.push(entry(v.heldOn, 'visit', t.visitHeld(kind), 'done', details.join('; ')));
    } else if (v.plannedOn) {
      out.push(entry(v.plannedOn, 'visit', t.visitPlanned(kind), v.plannedOn < today ? 'overdue' : 'planned'));
    }
  }
  // The signals this user may read; their descriptions are under "Signalen" of the page.
  for (const s of input.signals) {
    out.push(entry(dayOf(s.raisedAt), 'signal', signalLabel(s), 'done', t.signalBy(s.partnerName)));
  }
  for (const e of d.extensions) out.push(entry(e.decidedOn, 'extension', t.extension(e.months), 'done'));
  for (const tr of d.transfers) {
    out.push(entry(tr.requestedOn, 'transfer', t.transferRequested, 'done'));
    if (tr.decidedOn && tr.status !== 'requested') {
      // R6: the requesting organisation reads why its request was refused.
      const why = tr.status === 'rejected' && tr.refusalReason ? t.refusalReason(tr.refusalReason) : undefined;
      out.push(entry(tr.decidedOn, 'transfer', t.transferDecided(tr.status), 'done', why));
    }
  }
  for (const r of input.informationRequests) {
    out.push(entry(dayOf(r.askedAt), 'information', t.informationRequested, r.answer || r.lapsedOn ? 'done' : 'due'));
    for (const h of r.handedOver ?? []) out.push(entry(h.on, 'information', t.informationHandedOver, 'done'));
    if (r.answer) out.push(entry(dayOf(r.answer.at), 'information', t.informationAnswered, 'done'));
    if (r.lapsedOn) out.push(entry(r.lapsedOn, 'information', t.informationLapsed, 'done')); // R7
  }
  // R4: a contact that did not take place reads as such, with its reason.
  for (const c of input.contactLog) out.push(c.held ? entry(c.date, 'contact', t.contactHeld, 'done') : entry(c.date, 'contact', t.contactPlanned, 'missed', c.reasonMissed));
  if (input.plannedEnd && (d.status === 'active' || d.status === 'extended')) {
    out.push(entry(input.plannedEnd, 'planned-end', t.plannedEnd, input.plannedEnd < today ? 'overdue' : 'planned'));
  }
  if (d.closedOn) out.push(entry(d.closedOn, 'closed', d.status === 'stopped' ? t.stopped : t.closed, 'done'));
  const pending = afterSeriousDefects(d, input.visits);
  if (pending && input.nextConsultation) out.push(entry(input.nextConsultation, 'next-step', pending === 'final-evaluation' ? t.decideExtension : t.discussDefects, 'due', t.atConsultation(input.nextConsultation)));
  // What happened before the candidacy was registered (e.g. signatures) was entered later: say so.
  for (const e of out) if (e.date < d.createdOn && ENTERED.has(e.type)) e.detail = e.detail ? `${e.detail}; ${t.recordedLater(d.createdOn)}` : t.recordedLater(d.createdOn);
  // By when things happened; same-day entries keep the order above.
  return out.map((e, i) => [e, i] as const).sort((a, b) => a[0].date.localeCompare(b[0].date) || a[1] - b[1]).map(([e]) => e);
}

/**
 * R17-R19: after a visit that found serious defects the next consultation takes it up: after a final
 * evaluation it decides the extension's length (R19), after another visit it discusses the defects.
 * Pending until an extension is decided on or after the visit. Undefined when nothing is pending.
 */
function afterSeriousDefects(d: Dossier, visits: readonly Visit[]): Visit['kind'] | undefined {
  if (d.status !== 'active' && d.status !== 'extended') return undefined;
  const latest = visits.filter((v) => v.heldOn && v.seriousDefects).sort((a, b) => (a.heldOn as string).localeCompare(b.heldOn as string)).at(-1);
  if (!latest?.heldOn) return undefined;
  if (d.extensions.some((e) => e.decidedOn >= (latest.heldOn as string))) return undefined;
  return latest.kind;
}

/** What is due next (the earliest open milestone or planned step not overdue) and what is overdue. */
export function dueAndOverdue(entries: readonly TimelineEntry[]): { dueNext?: TimelineEntry; overdue: TimelineEntry[] } {
  const overdue = entries.filter((e) => e.state === 'overdue');
  const dueNext = entries.find((e) => (e.state === 'due' || e.state === 'planned') && e.type !== 'lease-start' && e.type !== 'information');
  return { overdue, ...(dueNext ? { dueNext } : {}) };
}

const isOpen = (d: Dossier) => d.status === 'candidacy' || d.status === 'active' || d.status === 'extended';

/** The forms this user may use now: from get-dossier's allowed steps and actions (the services decide again). */
export function formsFor(user: User, d: Dossier, nextSteps: readonly TrajectoryStep[], actions: readonly Action[], openRequests: number): FormId[] {
  const forms: FormId[] = [];
  if (nextSteps.includes('sign')) forms.push('signatures');
  if (actions.includes('dossier.consent') && isOpen(d)) {
    if (!d.consent || d.consent.withdrawnOn) forms.push('consent');
    else forms.push('withdraw-consent');
  }
  if (nextSteps.includes('activate')) forms.push('activate');
  if (actions.includes('visit.record') && d.leaseStart && isOpen(d)) forms.push('visit');
  if (nextSteps.includes('extend')) forms.push('extend');
  if (nextSteps.includes('close-positively')) forms.push('close');
  if (nextSteps.includes('stop')) forms.push('stop');
  if (nextSteps.includes('request-transfer')) forms.push('transfer');
  if (actions.includes('transfer.cancel') && openTransfer(d)?.fromPartnerId === user.partnerId) forms.push('transfer-cancel'); // R6
  if (actions.includes('info.request') && isRunning(d)) forms.push('information-request');
  if (actions.includes('info.answer') && openRequests > 0) forms.push('information-answer');
  if (actions.includes('contactlog.write') && isRunning(d) && d.contactLogActive) forms.push('contact'); // R4: once the consultation switched the log on
  if (user.role === 'partner-member' && user.partnerId === d.supportingPartnerId && isOpen(d)) forms.push('absence');
  return forms;
}
