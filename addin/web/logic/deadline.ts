/**
 * R15 in words: until when a dossier can be flagged for a consultation, whether it takes place, and
 * after the deadline that the list is closed and when the next consultation is. Before, on and after
 * the meeting day read differently: an upcoming meeting "gaat door", today's "is vandaag", one that
 * is over "vond plaats" (or did not take place). Pure.
 */
import { addinMessages as msg } from '../../../shared/messages/addin';
import type { ConsultationView } from '../../../shared/api/schemas';

export interface DeadlineLines {
  /** Open: until when flags are accepted. */
  deadline?: string;
  /** Whether the consultation takes place (R15: not without anything to discuss). */
  status: string;
  /** Closed: the list no longer changes; the next consultation. */
  closed?: { title: string; text: string };
}

function statusOf(c: ConsultationView): string {
  const m = msg.consultation;
  if (c.phase === 'over') return c.cancelled ? m.notHeld(c.meetingDate) : m.tookPlace(c.meetingDate);
  if (c.cancelled) return m.cancelled(c.meetingDate);
  if (c.takesPlace) return c.phase === 'today' ? m.takesPlaceToday : m.takesPlace;
  return m.nothingYet(c.meetingDate);
}

export function deadlineLines(c: ConsultationView): DeadlineLines {
  const status = statusOf(c);
  if (!c.listClosed) return { deadline: msg.consultation.deadline(c.lastFlagDay), status };
  const next = c.nextConsultation;
  if (!next) return { status };
  const closed =
    c.phase === 'over'
      ? { title: msg.consultation.overTitle, text: msg.consultation.over(next.meetingDate, next.lastFlagDay) }
      : { title: msg.consultation.closedTitle, text: msg.consultation.closed(next.meetingDate, next.lastFlagDay) };
  return { status, closed };
}
