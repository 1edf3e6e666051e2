/**
 * R9: a safety signal, mailed to the landlord's own mailbox (next to the alert in its Teams channel).
 * Least data: the partner, the moment and the dossier number; the description stays behind sign-in.
 */
import { DateTime } from 'luxon';
import { mailMessages as msg } from '../messages/mail';
import { brusselsDate } from '../rules/calendar';
import type { Instant } from '../rules/types';
import { frame, textBlock, type RenderedMail } from './layout';

export interface SafetyAlertInput {
  landlord: { name: string };
  partner: { name: string };
  dossierNumber: string;
  raisedAt: Instant;
  basis: 'consent' | 'safety-without-consent';
}

export function renderSafetyAlert(input: SafetyAlertInput): RenderedMail {
  const time = DateTime.fromISO(input.raisedAt, { setZone: true }).setZone('Europe/Brussels').toFormat('HH:mm');
  return frame({
    subject: msg.safetySubject(input.dossierNumber),
    greeting: msg.safetyGreeting,
    landlordName: input.landlord.name,
    blocks: [
      textBlock(msg.safetyBody(input.partner.name, brusselsDate(input.raisedAt), time, input.dossierNumber)),
      ...(input.basis === 'safety-without-consent' ? [textBlock(msg.safetyWithoutConsent)] : []),
      textBlock(msg.safetyWhere(input.dossierNumber)),
    ],
  });
}
