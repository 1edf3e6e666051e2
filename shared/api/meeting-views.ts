/**
 * The meeting view (meeting-schemas.ts) from the get-meeting use case: plain functions, Dutch labels
 * from the catalogue, no I/O, no clock.
 */
import { botMessages } from '../messages/bot';
import { meetingMessages as msg } from '../messages/meeting';
import { trajectoryTimingMessages } from '../messages/milestones';
import { trajectoryMessages } from '../messages/trajectory';
import type { DiscussionEntry, OverviewEntry } from '../rules/agenda';
import type { ConclusionDecision, LandlordConfig } from '../rules/types';
import type { Meeting } from '../services/get-meeting';
import { DECISION_KINDS } from '../services/record-conclusions';
import type { MeetingDossier, MeetingView } from './meeting-schemas';
import { reasonView } from './views';

/** R20: the lengths the side panel offers; the rule accepts any positive multiple of 3. */
export const EXTENSION_CHOICES = [3, 6, 9, 12] as const;

const conclusions = botMessages.conclusions;

export const decisionLabel = (decision: ConclusionDecision): string =>
  decision.kind === 'extend' ? conclusions.decided.extend(decision.months) : conclusions.decided[decision.kind];

function dossierView(entry: OverviewEntry | DiscussionEntry): MeetingDossier {
  return {
    dossierId: entry.dossierId,
    number: entry.number,
    kindLabel: trajectoryMessages.kindLabel[entry.kind],
    statusLabel: trajectoryMessages.statusLabel[entry.status],
    ...(entry.plannedEnd ? { plannedEnd: entry.plannedEnd } : {}),
    milestones: entry.dueMilestones.map((m) => trajectoryTimingMessages.milestoneLabel[m.kind]),
    reasons: 'reasons' in entry ? entry.reasons.map(reasonView) : [],
  };
}

export function meetingView(meeting: Meeting, landlord: LandlordConfig, message?: string): MeetingView {
  const { agenda, consultation } = meeting;
  const sent = consultation?.status === 'conclusions-sent' || consultation?.status === 'confirmed';
  const listed = (sent ? consultation?.conclusions : consultation?.draftConclusions) ?? [];
  const mode = consultation?.mode ?? meeting.partner?.meetingMode ?? 'teams';
  return {
    partnerId: agenda.partnerId,
    partnerName: meeting.partner?.name ?? agenda.partnerId,
    month: agenda.month,
    meetingDate: consultation?.meetingDate ?? agenda.calendar.meetingDate,
    mode,
    ...(mode === 'in-person' ? { address: landlord.officeAddress } : {}),
    cancelled: agenda.cancelled,
    status: consultation?.status === 'confirmed' ? 'confirmed' : sent ? 'sent' : 'open',
    canDecide: meeting.canDecide,
    parts: [
      { part: 'toDiscuss', title: msg.part.toDiscuss, dossiers: agenda.toDiscuss.map(dossierView) },
      { part: 'overview', title: msg.part.overview, dossiers: agenda.overview.map(dossierView) },
      { part: 'otherTrajectories', title: msg.part.otherTrajectories, dossiers: agenda.otherTrajectories.map(dossierView) },
    ],
    conclusions: listed.map((c) => ({
      dossierId: c.dossierId,
      number: meeting.numbers.get(c.dossierId) ?? '?',
      summary: c.summary,
      decision: c.decision,
      decisionLabel: decisionLabel(c.decision),
    })),
    ...(consultation?.confirmation ? { confirmation: { at: consultation.confirmation.at, ...(consultation.confirmation.remark ? { remark: consultation.confirmation.remark } : {}) } } : {}),
    decisionKinds: DECISION_KINDS.map((kind) => ({ kind, label: conclusions.decisionLabel[kind] })),
    extensionMonths: [...EXTENSION_CHOICES],
    ...(message ? { message } : {}),
  };
}
