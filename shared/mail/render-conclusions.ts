/**
 * R16: the conclusions of a partner's consultation, for confirmation, and the reminder when no
 * confirmation came after 5 working days. The summaries are free text for this partner only: escaped.
 */
import { mailMessages as msg } from '../messages/mail';
import type { Conclusion, ConclusionDecision, Consultation } from '../rules/types';
import { table, textTable } from './html';
import { frame, textBlock, type RenderedMail } from './layout';

export interface ConclusionsInput {
  landlord: { name: string };
  partner: { name: string };
  consultation: Pick<Consultation, 'meetingDate' | 'conclusions'>;
  /** Dossier id → number, for the dossiers of the conclusions. */
  numbers: ReadonlyMap<string, string>;
  /** Dossier id → planned end after the extension these conclusions decided (R2, R20). */
  plannedEnds?: ReadonlyMap<string, string>;
  reference: string;
  /** For the reminder: the day the conclusions were mailed. */
  reminderOf?: { sentOn: string };
}

export function decisionLabel(decision: ConclusionDecision, plannedEnd?: string): string {
  return decision.kind === 'extend' ? msg.decision.extend(decision.months, plannedEnd) : msg.decision[decision.kind];
}

const rowOf = (input: ConclusionsInput) => (c: Conclusion) => [input.numbers.get(c.dossierId) ?? msg.dash, c.summary, decisionLabel(c.decision, input.plannedEnds?.get(c.dossierId))];

export function renderConclusions(input: ConclusionsInput): RenderedMail {
  const { consultation, reference } = input;
  const rows = consultation.conclusions.map(rowOf(input));
  const intro = input.reminderOf ? msg.conclusionsReminderIntro(input.reminderOf.sentOn) : msg.conclusionsIntro(consultation.meetingDate);
  return frame({
    subject: input.reminderOf
      ? msg.conclusionsReminderSubject(consultation.meetingDate, reference)
      : msg.conclusionsSubject(consultation.meetingDate, reference),
    greeting: msg.greeting(input.partner.name),
    landlordName: input.landlord.name,
    reference,
    blocks: [
      textBlock(intro),
      { text: textTable(msg.conclusionsHeader, rows), html: table(msg.conclusionsHeader, rows) },
      textBlock(msg.conclusionsHowToConfirm),
    ],
  });
}
