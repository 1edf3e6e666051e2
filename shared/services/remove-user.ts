/**
 * The coordinator takes someone's access away: the user record goes (their next request is "no
 * access"). What they recorded stays, under their object id. Nobody removes themselves.
 * The removal and its entry (landlord's log) are two partitions: the same removal again (the retry
 * after a failure between the writes) still answers 'not-found' (the user is gone), but first writes
 * the missing entry when the log shows it is missing: the ids have no user, yet their newest entry
 * is a create or update of this landlord (only this use case removes users). Its role and
 * organisation are that entry's; its moment the retry's (the removal keeps none).
 */
import { authorize } from '../rules/access';
import { DomainError } from '../rules/errors';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import type { UserAdminContext } from './organisation-input';
import { isSelf, loadUser, newestOfUser } from './update-user';
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
  const removed = (u: { tenantId: string; objectId: string; role: string; partnerId?: string | undefined }) =>
    auditEntry(ctx, 'user.remove', { basis: 'role', ...(u.partnerId ? { partnerId: u.partnerId } : {}), details: { tenantId: u.tenantId, objectId: u.objectId, role: u.role } });
  const user = await loadUser(ctx, tenantId, objectId).catch(async (err: unknown) => {
    if (!(await ctx.users.get(tenantId, objectId))) {
      const newest = await newestOfUser(ctx, tenantId, objectId);
      if (newest && newest.action !== 'user.remove' && typeof newest.details?.role === 'string') {
        const { tenantId: t, objectId: o, role } = newest.details;
        await ctx.ports.audit.append(removed({ tenantId: String(t), objectId: String(o), role, partnerId: newest.partnerId }));
      }
    }
    throw err;
  });
  await ctx.users.remove(user.tenantId, user.objectId);
  await ctx.ports.audit.append(removed(user));
  return { removed: true };
}
