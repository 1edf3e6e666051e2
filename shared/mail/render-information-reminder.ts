/**
 * R10: an information request still open after 5 working days. Least data: the dossier number and
 * the day it was asked; the question itself stays in Teams and the add-in, behind sign-in.
 */
import { mailMessages as msg } from '../messages/mail';
import { frame, textBlock, type RenderedMail } from './layout';

export interface InformationReminderInput {
  landlord: { name: string };
  partner: { name: string };
  dossierNumber: string;
  askedOn: string;
}

export function renderInformationReminder(input: InformationReminderInput): RenderedMail {
  return frame({
    subject: msg.informationReminderSubject(input.dossierNumber),
    greeting: msg.greeting(input.partner.name),
    landlordName: input.landlord.name,
    blocks: [textBlock(msg.informationReminderBody(input.askedOn, input.dossierNumber)), textBlock(msg.informationReminderWhere)],
  });
}
