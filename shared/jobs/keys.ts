/**
 * The exactly-once keys of the jobs. A key names one effect (or one job run) and is claimed in
 * storage BEFORE the effect happens; the prefix says what kind of effect it is:
 *   job|...      a job's run for a month or a day (done when all its effects are settled)
 *   meeting|...  the month's Teams meeting of a partner
 *   mail|...     one e-mail
 *   teams|...    one card or message in Teams
 *   reply|...    one received reply, processed once
 */
import type { YearMonth } from '../rules/types';

type Id = string;

export const jobKeys = {
  invitationRun: (l: Id, m: YearMonth) => `job|invitation|${l}|${m}`,
  deadlineRun: (l: Id, m: YearMonth) => `job|deadline|${l}|${m}`,
  milestonesRun: (l: Id, day: string) => `job|milestones|${l}|${day}`,
  informationRun: (l: Id, day: string) => `job|information|${l}|${day}`,

  meeting: (l: Id, p: Id, m: YearMonth) => `meeting|${l}|${p}|${m}`,
  invitationMail: (l: Id, p: Id, m: YearMonth) => `mail|invitation|${l}|${p}|${m}`,
  agendaCard: (l: Id, p: Id, m: YearMonth) => `teams|agenda|${l}|${p}|${m}`,

  cancellationMail: (l: Id, p: Id, m: YearMonth) => `mail|cancelled|${l}|${p}|${m}`,
  consultationOff: (l: Id, p: Id, m: YearMonth) => `teams|cancelled|${l}|${p}|${m}`,
  closedCard: (l: Id, p: Id, m: YearMonth) => `teams|agenda-closed|${l}|${p}|${m}`,

  recordConclusionsReminder: (l: Id, p: Id, m: YearMonth) => `teams|record-conclusions|${l}|${p}|${m}`,
  conclusionsMail: (l: Id, p: Id, m: YearMonth) => `mail|conclusions|${l}|${p}|${m}`,
  conclusionsReminder: (l: Id, p: Id, m: YearMonth) => `mail|conclusions-reminder|${l}|${p}|${m}`,

  planVisit: (l: Id, dossierId: Id, kind: string, due: string) => `teams|plan-visit|${l}|${dossierId}|${kind}|${due}`,
  /** R19: a new final evaluation after one held without the support worker (that visit's id). */
  planNewFinalEvaluation: (l: Id, dossierId: Id, visitId: Id) => `teams|plan-visit|${l}|${dossierId}|final-evaluation-again|${visitId}`,
  /** R6: a request handed over to another organisation is reminded to it under its own key (`handedTo`). */
  informationReminder: (l: Id, dossierId: Id, requestId: Id, handedTo?: Id) =>
    `mail|information-reminder|${l}|${dossierId}|${requestId}` + (handedTo ? `|${handedTo}` : ''),
  safetyMail: (l: Id, dossierId: Id, signalId: Id) => `mail|safety|${l}|${dossierId}|${signalId}`,

  reply: (l: Id, messageHash: string) => `reply|${l}|${messageHash}`,
  replyAck: (l: Id, messageHash: string) => `mail|reply-ack|${l}|${messageHash}`,
  replyAlert: (l: Id, messageHash: string) => `teams|alert|reply|${l}|${messageHash}`,

  failingAlert: (effectKey: string) => `teams|alert|failing|${effectKey}`,
};
