/**
 * §3, R5: the tenant's contact letter of a dossier, as a PDF. Read like any dossier read: the landlord
 * and the organisations that see the dossier (access.ts 'dossier.read'; after a transfer the old one no
 * longer does), 'not-found' for anyone else, the same as a missing id. The disclosure is audited (ids
 * only) before the letter is handed out; the tenant's name and address are on the letter only.
 */
import { contactLetter } from '../rules/contact-letter';
import { partnerNotFound } from '../rules/access';
import type { LandlordConfig } from '../rules/types';
import { auditEntry } from './audit';
import { todayOf, type ServiceContext } from './context';
import { renderContactLetterPdf } from './contact-letter-pdf';
import { loadAuthorized } from './dossier-access';
import { requireInput } from './validate';

export interface GetContactLetterInput {
  dossierId: string;
  /** The landlord's name, mailbox and technical emergency line (configuration, not in the context). */
  landlord: Pick<LandlordConfig, 'name' | 'mailbox' | 'technicalEmergencyPhone'>;
}

export interface ContactLetterFile {
  fileName: string;
  pdf: Buffer;
}

export async function getContactLetter(ctx: ServiceContext, input: GetContactLetterInput): Promise<ContactLetterFile> {
  requireInput(input);
  const dossier = await loadAuthorized(ctx, input.dossierId, 'dossier.read');
  const partner = await ctx.ports.partners.get(dossier.supportingPartnerId);
  if (!partner) throw partnerNotFound();
  const letter = contactLetter({ dossier, partner, landlord: input.landlord, today: todayOf(ctx) });
  const pdf = await renderContactLetterPdf(letter, ctx.now);
  // Audited before it is handed out: no disclosure without its trace.
  await ctx.ports.audit.append(auditEntry(ctx, 'contactletter.read', { dossierId: dossier.id, partnerId: partner.id, basis: 'role' }));
  return { fileName: letter.fileName, pdf };
}
