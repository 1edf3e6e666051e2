/**
 * The coordinator's overview for managing access: the partner organisations with their general
 * contact details (R5) and Microsoft 365 tenant, and the users of the landlord with role and
 * organisation. Only who may manage partners and users sees it.
 */
import { authorize } from '../rules/access';
import type { Partner, User } from '../rules/types';
import type { UserAdminContext } from './organisation-input';

export interface OrganisationOverview {
  partners: Partner[];
  users: User[];
}

export async function listOrganisation(ctx: UserAdminContext): Promise<OrganisationOverview> {
  authorize(ctx.user, 'partner.manage');
  authorize(ctx.user, 'user.manage');
  const [partners, users] = await Promise.all([ctx.ports.partners.list(), ctx.users.listByLandlord(ctx.ports.landlordId)]);
  const byName = (a: { name?: string; displayName?: string }, b: { name?: string; displayName?: string }) =>
    (a.name ?? a.displayName ?? '').localeCompare(b.name ?? b.displayName ?? '', 'nl');
  return { partners: [...partners].sort(byName), users: [...users].sort(byName) };
}
