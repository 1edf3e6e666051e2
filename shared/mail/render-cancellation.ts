/** R15: the partner's consultation does not take place: nothing to discuss when the deadline passed. */
import { mailMessages as msg } from '../messages/mail';
import type { MonthCalendar } from '../rules/calendar';
import { frame, textBlock, type RenderedMail } from './layout';

export interface CancellationInput {
  landlord: { name: string };
  partner: { name: string };
  calendar: MonthCalendar;
  /** The next month's protocol dates. */
  next: MonthCalendar;
  mode: 'teams' | 'in-person';
  reference: string;
}

export function renderCancellation(input: CancellationInput): RenderedMail {
  const blocks = [textBlock(msg.cancellationBody(input.calendar.meetingDate))];
  if (input.mode === 'teams') blocks.push(textBlock(msg.cancellationTeams));
  blocks.push(textBlock(msg.cancellationNext(input.next.meetingDate, input.next.invitationDate)));
  return frame({
    subject: msg.cancellationSubject(input.calendar.meetingDate, input.reference),
    greeting: msg.greeting(input.partner.name),
    landlordName: input.landlord.name,
    reference: input.reference,
    blocks,
  });
}
