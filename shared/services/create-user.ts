/**
 * The coordinator gives someone access: their Entra tenant and object id (GUIDs, as Entra issues
 * them) with a role and, for a partner member, the organisation they belong to. Audited with ids only.
 */
import { authorize } from '../rules/access';
import type { User } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { userFields, type UserAdminContext, type UserFields } from './organisation-input';
import { invalid, requireGuid, requireInput } from './validate';

export interface CreateUserInput extends UserFields {
  tenantId: string;
  objectId: string;
}

export async function createUser(ctx: UserAdminContext, input: CreateUserInput): Promise<{ user: User }> {
  requireInput(input);
  authorize(ctx.user, 'user.manage');
  const tenantId = requireGuid(input.tenantId, 'tenantId');
  const objectId = requireGuid(input.objectId, 'objectId');
  const fields = await userFields(ctx, input);
  const store = ctx.users;
  // A user of any landlord with these ids: taken (without telling whose).
  if (await store.get(tenantId, objectId)) throw invalid('objectId', msg.userExists);
  const user: User = { landlordId: ctx.ports.landlordId, tenantId, objectId, ...fields };
  await store.create(user);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'user.create', { basis: 'role', ...(user.partnerId ? { partnerId: user.partnerId } : {}), details: { tenantId, objectId, role: user.role } }),
  );
  return { user };
}
