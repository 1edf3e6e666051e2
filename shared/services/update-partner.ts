/**
 * The coordinator changes a partner organisation: name, general contact details (R5), Microsoft 365
 * tenant (the allowlist; left out: none) and how its consultation is held. The form sends all fields:
 * they replace the stored ones. A change that changes nothing writes and audits nothing.
 */
import { authorize } from '../rules/access';
import type { Partner } from '../rules/types';
import { auditEntry } from './audit';
import type { ServiceContext } from './context';
import { loadPartner } from './dossier-access';
import { partnerFields, type PartnerFields } from './organisation-input';
import { requireId, requireInput } from './validate';

export interface UpdatePartnerInput extends PartnerFields {
  partnerId: string;
}

/** Whether two partners hold the same form fields (a change, or a repeated create, changes nothing). */
export const samePartner = (a: Partner, b: Partner): boolean =>
  a.name === b.name &&
  a.meetingMode === b.meetingMode &&
  a.m365TenantId === b.m365TenantId &&
  a.contact.phone === b.contact.phone &&
  a.contact.email === b.contact.email &&
  a.contact.officeHours === b.contact.officeHours;

export async function updatePartner(ctx: ServiceContext, input: UpdatePartnerInput): Promise<{ partner: Partner; changed: boolean }> {
  requireInput(input);
  authorize(ctx.user, 'partner.manage');
  const id = requireId(input.partnerId, 'partnerId');
  const fields = partnerFields(input);
  const current = await loadPartner(ctx, id);
  const apply = (p: Partner): Partner => {
    const { m365TenantId: _dropped, ...rest } = p;
    return { ...rest, ...fields, id: p.id, landlordId: p.landlordId };
  };
  if (samePartner(current, apply(current))) return { partner: current, changed: false };
  const partner = await ctx.ports.partners.update(id, apply);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'partner.update', { partnerId: id, basis: 'role', details: { meetingMode: partner.meetingMode, tenant: Boolean(partner.m365TenantId) } }),
  );
  return { partner, changed: true };
}
