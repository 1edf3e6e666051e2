/**
 * The coordinator gives someone access: their Entra tenant and object id (GUIDs, as Entra issues
 * them) with a role and, for a partner member, the organisation they belong to. Audited with ids only.
 * The user and its entry (landlord's log) are two partitions, no one transaction: the same create
 * again (the retry after a failure between the writes) answers unchanged and writes the entry when it
 * is missing (DESIGN, Security: audit; "nothing half-written"). Other input for taken ids: refused.
 */
import { authorize } from '../rules/access';
import type { User } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { userFields, type UserAdminContext, type UserFields } from './organisation-input';
import { auditEntry } from './audit';
import { newestOfUser } from './update-user';
import { invalid, requireGuid, requireInput } from './validate';

export interface CreateUserInput extends UserFields {
  tenantId: string;
  objectId: string;
}

const sameUser = (a: User, b: User): boolean =>
  a.landlordId === b.landlordId && a.displayName === b.displayName && a.email === b.email && a.role === b.role && a.partnerId === b.partnerId;

const userCreated = (ctx: UserAdminContext, u: User) =>
  auditEntry(ctx, 'user.create', { basis: 'role', ...(u.partnerId ? { partnerId: u.partnerId } : {}), details: { tenantId: u.tenantId, objectId: u.objectId, role: u.role } });

export async function createUser(ctx: UserAdminContext, input: CreateUserInput): Promise<{ user: User; changed: boolean }> {
  requireInput(input);
  authorize(ctx.user, 'user.manage');
  const tenantId = requireGuid(input.tenantId, 'tenantId');
  const objectId = requireGuid(input.objectId, 'objectId');
  const fields = await userFields(ctx, input);
  const store = ctx.users;
  const user: User = { landlordId: ctx.ports.landlordId, tenantId, objectId, ...fields };
  const existing = await store.get(tenantId, objectId);
  if (existing) {
    // A user of any landlord with these ids and other input: taken (without telling whose).
    if (!sameUser(existing, user)) throw invalid('objectId', msg.userExists);
    // Ids can be removed and given again: this user's create is logged when the newest entry of the
    // ids is a create or an update (not a removal, not none). The user keeps no moment of its create:
    // a repaired entry carries the retry's.
    const newest = await newestOfUser(ctx, existing.tenantId, existing.objectId);
    if (!newest || newest.action === 'user.remove') await ctx.ports.audit.append(userCreated(ctx, existing));
    return { user: existing, changed: false };
  }
  await store.create(user);
  await ctx.ports.audit.append(userCreated(ctx, user));
  return { user, changed: true };
}
