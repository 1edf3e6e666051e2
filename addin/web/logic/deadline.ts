/**
 * R15 in words: until when a dossier can be flagged for a consultation, whether it takes place, and
 * after the deadline that the list is closed and when the next consultation is. Pure.
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

export function deadlineLines(c: ConsultationView): DeadlineLines {
  const status = c.cancelled ? msg.consultation.cancelled(c.meetingDate) : c.takesPlace ? msg.consultation.takesPlace : msg.consultation.nothingYet(c.meetingDate);
  if (!c.listClosed) return { deadline: msg.consultation.deadline(c.lastFlagDay), status };
  const next = c.nextConsultation;
  return {
    status,
    ...(next ? { closed: { title: msg.consultation.closedTitle, text: msg.consultation.closed(next.meetingDate, next.lastFlagDay) } } : {}),
  };
}
