/**
 * §3 "De huurder dient te beschikken over algemene contactgegevens van de begeleidingsdienst" (R5):
 * the one-page letter the tenant gets at the start of the support, and again whenever asked: the
 * support organisation's name, phone, e-mail and office hours, and what to do in an emergency (112;
 * the landlord's technical emergency line when one is configured, its mailbox otherwise).
 *
 * Pure: what the letter says, line by line, in Dutch. Rendering it (PDF) is a service's job. The
 * tenant's name and address appear on the letter only: the file name carries the dossier number.
 */
import { contactLetterMessages as msg } from '../messages/contact-letter';
import { DomainError } from './errors';
import { isRunning } from './trajectory';
import type { Dossier, IsoDate, LandlordConfig, Partner } from './types';

export interface ContactLetter {
  fileName: string;
  /** Who the letter is for (top left, as on a letter sent by post). */
  recipient: string[];
  dateLine: string;
  reference: string;
  title: string;
  greeting: string;
  intro: string;
  sections: { heading: string; lines: string[] }[];
  closing: string[];
}

export interface ContactLetterInput {
  dossier: Dossier;
  /** The organisation that supports the dossier now (R6: after a transfer, the new one). */
  partner: Pick<Partner, 'id' | 'name' | 'contact'>;
  landlord: Pick<LandlordConfig, 'name' | 'mailbox' | 'technicalEmergencyPhone'>;
  today: IsoDate;
}

/** §3: the file name names the dossier, never the tenant (it shows in download lists and mail attachments). */
export const contactLetterFileName = (dossier: Pick<Dossier, 'number'>): string => `contactbrief-${dossier.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;

/**
 * §3, R5: the letter exists while the support runs (active or extended): from the activation on, for
 * the organisation that supports the dossier. Refused, with the reason, for a candidacy, a closed or
 * purged dossier, or an organisation without general contact details.
 */
export function contactLetterRefusal(dossier: Dossier, partner: Pick<Partner, 'contact'>): DomainError | undefined {
  if (dossier.purgedOn) return new DomainError('conflict', msg.purged(dossier.number));
  if (!isRunning(dossier)) return new DomainError('conflict', msg.notRunning(dossier.number));
  const { phone, email, officeHours } = partner.contact;
  if (![phone, email, officeHours].every((v) => v.trim().length > 0)) return new DomainError('conflict', msg.noContact(dossier.number));
  return undefined;
}

/** §3, R5: the letter's content, or the DomainError that says why there is none. */
export function contactLetter(input: ContactLetterInput): ContactLetter {
  const { dossier, partner, landlord, today } = input;
  const refusal = contactLetterRefusal(dossier, partner);
  if (refusal) throw refusal;
  const { phone, email, officeHours } = partner.contact;
  const technical = landlord.technicalEmergencyPhone?.trim()
    ? msg.technicalLine(landlord.name, landlord.technicalEmergencyPhone.trim())
    : msg.technicalMailbox(landlord.name, landlord.mailbox);
  return {
    fileName: contactLetterFileName(dossier),
    recipient: [dossier.tenant.name, ...(dossier.tenant.address ? [dossier.tenant.address] : [])],
    dateLine: msg.dated(today),
    reference: msg.dossier(dossier.number),
    title: msg.title,
    greeting: msg.greeting(dossier.tenant.name),
    intro: msg.intro(partner.name, landlord.name, dossier.supportWorker.name),
    sections: [
      {
        heading: msg.absentHeading,
        lines: [msg.absent(partner.name), `${msg.phone}: ${phone}`, `${msg.email}: ${email}`, `${msg.officeHours}: ${officeHours}`],
      },
      { heading: msg.emergencyHeading, lines: [msg.emergency112, technical] },
    ],
    closing: [msg.closing, partner.name],
  };
}
