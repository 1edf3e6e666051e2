/**
 * The coordinator adds a partner organisation: its key, name, general contact details (R5), its
 * Microsoft 365 tenant (for the allowlist) and how its consultation is held. Audited with ids only.
 */
import { authorize } from '../rules/access';
import type { Partner } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import type { ServiceContext } from './context';
import { partnerFields, type PartnerFields } from './organisation-input';
import { invalid, requireInput, requireSlug } from './validate';

export interface CreatePartnerInput extends PartnerFields {
  /** The readable key, e.g. "de-vaart" (lower case, digits, hyphens); it never changes. */
  id: string;
}

export async function createPartner(ctx: ServiceContext, input: CreatePartnerInput): Promise<{ partner: Partner }> {
  requireInput(input);
  authorize(ctx.user, 'partner.manage');
  const id = requireSlug(input.id, 'id');
  const fields = partnerFields(input);
  if (await ctx.ports.partners.get(id)) throw invalid('id', msg.partnerIdTaken);
  const partner: Partner = { id, landlordId: ctx.ports.landlordId, ...fields };
  await ctx.ports.partners.create(partner);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'partner.create', { partnerId: id, basis: 'role', details: { meetingMode: partner.meetingMode, tenant: Boolean(partner.m365TenantId) } }),
  );
  return { partner };
}
