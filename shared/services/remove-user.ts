/**
 * The coordinator takes someone's access away: the user record goes (their next request is "no
 * access"). What they recorded stays, under their object id. Nobody removes themselves.
 */
import { authorize } from '../rules/access';
import { DomainError } from '../rules/errors';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import type { UserAdminContext } from './organisation-input';
import { isSelf, loadUser } from './update-user';
import { requireId, requireInput } from './validate';

export interface RemoveUserInput {
  tenantId: string;
  objectId: string;
}

export async function removeUser(ctx: UserAdminContext, input: RemoveUserInput): Promise<{ removed: true }> {
  requireInput(input);
  authorize(ctx.user, 'user.manage');
  // The key of an existing user, as stored (GUIDs are checked when a user is created).
  const tenantId = requireId(input.tenantId, 'tenantId');
  const objectId = requireId(input.objectId, 'objectId');
  if (isSelf(ctx, tenantId, objectId)) throw new DomainError('validation', msg.notYourself, { fields: ['objectId'] });
  const user = await loadUser(ctx, tenantId, objectId);
  await ctx.users.remove(user.tenantId, user.objectId);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'user.remove', { basis: 'role', ...(user.partnerId ? { partnerId: user.partnerId } : {}), details: { tenantId: user.tenantId, objectId: user.objectId, role: user.role } }),
  );
  return { removed: true };
}
