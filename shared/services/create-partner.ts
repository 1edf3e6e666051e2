/**
 * The coordinator adds a partner organisation: its key, name, general contact details (R5), its
 * Microsoft 365 tenant (for the allowlist) and how its consultation is held. Audited with ids only.
 * The partner and its entry (landlord's log) are two partitions, no one transaction: the same create
 * again (the retry after a failure between the writes) answers unchanged and writes the entry when it
 * is missing (DESIGN, Security: audit; "nothing half-written"). Other input for a taken id: refused.
 */
import { authorize } from '../rules/access';
import type { Partner } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { newestLogged } from './audit-repair';
import { samePartner } from './update-partner';
import type { ServiceContext } from './context';
import { partnerFields, type PartnerFields } from './organisation-input';
import { invalid, requireInput, requireSlug } from './validate';

export interface CreatePartnerInput extends PartnerFields {
  /** The readable key, e.g. "de-vaart" (lower case, digits, hyphens); it never changes. */
  id: string;
}

const partnerCreated = (ctx: ServiceContext, p: Partner) =>
  auditEntry(ctx, 'partner.create', { partnerId: p.id, basis: 'role', details: { meetingMode: p.meetingMode, tenant: Boolean(p.m365TenantId) } });

export async function createPartner(ctx: ServiceContext, input: CreatePartnerInput): Promise<{ partner: Partner; changed: boolean }> {
  requireInput(input);
  authorize(ctx.user, 'partner.manage');
  const id = requireSlug(input.id, 'id');
  const fields = partnerFields(input);
  const partner: Partner = { id, landlordId: ctx.ports.landlordId, ...fields };
  const existing = await ctx.ports.partners.get(id);
  if (existing) {
    if (!samePartner(existing, partner)) throw invalid('id', msg.partnerIdTaken);
    // Partners are never removed: one create per id. The partner keeps no moment of its create, so a
    // repaired entry carries the retry's; a create older than LOG_MONTHS_BACK is not seen (written again).
    const logged = await newestLogged(ctx, (e) => e.action === 'partner.create' && e.partnerId === id, ctx.now);
    if (!logged) await ctx.ports.audit.append(partnerCreated(ctx, existing));
    return { partner: existing, changed: false };
  }
  await ctx.ports.partners.create(partner);
  await ctx.ports.audit.append(partnerCreated(ctx, partner));
  return { partner, changed: true };
}
