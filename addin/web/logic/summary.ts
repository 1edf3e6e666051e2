/**
 * The short Dutch summary of a consultation's flags that the pane inserts into the reply to the
 * invitation (compose mode): dossier numbers and problem statements, no tenant names (least personal
 * data in e-mail). Plain text and an HTML version with every piece of free text escaped. Pure.
 */
import { addinMessages as msg } from '../../../shared/messages/addin';
import type { ConsultationView } from '../../../shared/api/schemas';

export interface Summary {
  text: string;
  html: string;
}

export interface FlagLine {
  number: string;
  problem: string;
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The active flags of the consultation, in agenda order (by dossier number). */
export function flagLines(c: ConsultationView): FlagLine[] {
  return c.toDiscuss.flatMap((entry) =>
    entry.reasons.filter((r) => r.type === 'flag' && r.problem !== undefined).map((r) => ({ number: entry.number, problem: r.problem as string })),
  );
}

export function flagSummary(c: ConsultationView): Summary {
  const lines = flagLines(c);
  const closed = c.listClosed && c.nextConsultation ? msg.summary.closed(c.nextConsultation.meetingDate) : undefined;
  const text: string[] = [];
  const html: string[] = [];
  if (lines.length === 0) {
    text.push(msg.summary.none(c.meetingDate));
    html.push(`<p>${escapeHtml(msg.summary.none(c.meetingDate))}</p>`);
  } else {
    text.push(msg.summary.intro(c.meetingDate), ...lines.map((l) => `- ${msg.summary.line(l.number, l.problem)}`));
    html.push(
      `<p>${escapeHtml(msg.summary.intro(c.meetingDate))}</p>`,
      `<ul>${lines.map((l) => `<li>${escapeHtml(msg.summary.line(l.number, l.problem))}</li>`).join('')}</ul>`,
    );
  }
  if (closed) {
    text.push(closed);
    html.push(`<p>${escapeHtml(closed)}</p>`);
  }
  return { text: `${text.join('\n')}\n`, html: html.join('') };
}
