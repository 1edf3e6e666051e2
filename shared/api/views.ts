/**
 * What the API answers, built from the services' results: plain JSON in the shapes of schemas.ts,
 * with the Dutch labels from the catalogue. The problem statements of flags are the only free text;
 * they go to the partner's own user only (the agenda service decided that).
 */
import { agendaMessages } from '../messages/agenda';
import { accessMessages } from '../messages/access';
import { addinMessages } from '../messages/addin';
import { trajectoryMessages } from '../messages/trajectory';
import type { Agenda, AgendaReason } from '../rules/agenda';
import { meetingPhase, type MonthCalendar } from '../rules/calendar';
import { addDays } from '../rules/dates';
import type { Consultation, Dossier, Instant, LandlordConfig, Partner, User } from '../rules/types';
import type { DossierSummary } from '../services/list-my-dossiers';
import type { ConsultationView, DossierItem, Reason } from './schemas';

const detail = addinMessages.reasonDetail;

export function reasonView(reason: AgendaReason): Reason {
  switch (reason.type) {
    case 'signal':
      return { type: 'signal', label: reason.safety ? agendaMessages.safetySignal : detail(agendaMessages.reason.signal, agendaMessages.signalCategory[reason.category]) };
    case 'flag':
      return { type: 'flag', label: agendaMessages.reason.flag, problem: reason.problem.text, flaggedByLandlord: reason.flaggedByLandlord, flaggedAt: reason.flaggedAt };
    case 'extension':
      return { type: 'extension', label: agendaMessages.reason.extension };
    case 'visit-problems':
      return {
        type: 'visit-problems',
        label: detail(agendaMessages.reason['visit-problems'], reason.partsWithProblems.map((p) => agendaMessages.homePart[p]).join(', ')),
      };
    case 'decision-pending':
      return { type: 'decision-pending', label: agendaMessages.reason['decision-pending'] };
  }
}

/** R16: a link is only passed on when it is an https URL (the pane makes it clickable). */
const httpsOnly = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

export interface ConsultationExtras {
  partner?: Partner;
  /** The stored consultation (after the invitation went out): mode and Teams link. */
  consultation?: Consultation;
  landlord: LandlordConfig;
  /** R15: the next open consultation, when this one's list is closed. */
  next?: MonthCalendar;
  /** The moment of the request: whether the meeting is still to come, today or over. */
  now: Instant;
}

/** R13, R15, R16: the consultation as the pane shows it. */
export function consultationView(agenda: Agenda, extras: ConsultationExtras): ConsultationView {
  const { calendar } = agenda;
  const mode = extras.consultation?.mode ?? extras.partner?.meetingMode ?? 'teams';
  const view: ConsultationView = {
    partnerId: agenda.partnerId,
    month: agenda.month,
    meetingDate: calendar.meetingDate,
    invitationDate: calendar.invitationDate,
    flagDeadline: calendar.flagDeadline,
    lastFlagDay: addDays(calendar.meetingDate, -1),
    mode,
    listClosed: agenda.listClosed,
    takesPlace: agenda.takesPlace,
    cancelled: agenda.cancelled,
    phase: meetingPhase(calendar.meetingDate, extras.now),
    toDiscuss: agenda.toDiscuss.map((e) => ({ dossierId: e.dossierId, number: e.number, reasons: e.reasons.map(reasonView) })),
  };
  if (extras.partner) view.partnerName = extras.partner.name;
  if (calendar.meetingMoved) view.meetingMoved = calendar.meetingMoved.description;
  // R-H: a month cancelled by closing days says so and why; the next one says it takes over its dossiers.
  if (calendar.cancelled) view.monthCancelled = calendar.cancelled.description;
  if (calendar.takesOver) view.takesOver = { months: [...calendar.takesOver.months], description: calendar.takesOver.description };
  const link = httpsOnly(extras.consultation?.teamsJoinUrl);
  if (mode === 'teams' && link) view.teamsJoinUrl = link;
  if (mode === 'in-person') view.address = extras.landlord.officeAddress;
  if (agenda.listClosed && extras.next) {
    view.nextConsultation = { month: extras.next.month, meetingDate: extras.next.meetingDate, lastFlagDay: addDays(extras.next.meetingDate, -1) };
  }
  return view;
}

/** The head of every dossier view (schema-parts.ts `dossierHead`): which one, its kind and stage in Dutch. */
export function dossierHeadOf(d: Pick<Dossier, 'id' | 'number' | 'kind' | 'status'>) {
  return {
    id: d.id,
    number: d.number,
    kind: d.kind,
    kindLabel: trajectoryMessages.kindLabel[d.kind],
    status: d.status,
    statusLabel: trajectoryMessages.statusLabel[d.status],
  };
}

export function dossierItem(d: DossierSummary): DossierItem {
  return {
    ...dossierHeadOf(d),
    tenantName: d.tenantName,
    transferOpen: d.transferOpen,
    ...(d.plannedEnd ? { plannedEnd: d.plannedEnd } : {}),
  };
}

export const roleLabel = (user: Pick<User, 'role'>): string => accessMessages.roleLabel[user.role];
