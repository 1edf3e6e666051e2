/**
 * The coordinator changes a user: name, e-mail, role and (for a partner member) organisation. The
 * Entra ids never change (they are the key). A user of another landlord is 'not-found'; nobody
 * changes their own role (no coordinator locks the landlord out by mistake).
 */
import { authorize } from '../rules/access';
import { DomainError } from '../rules/errors';
import type { AuditEntry, User } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { newestLogged } from './audit-repair';
import { userFields, type UserAdminContext, type UserFields } from './organisation-input';
import { requireId, requireInput } from './validate';

export interface UpdateUserInput extends UserFields {
  tenantId: string;
  objectId: string;
}

/** A user of this landlord, or the one 'not-found'. */
export async function loadUser(ctx: UserAdminContext, tenantId: string, objectId: string): Promise<User> {
  const user = await ctx.users.get(tenantId, objectId);
  if (!user || user.landlordId !== ctx.ports.landlordId) throw new DomainError('not-found', msg.userNotFound);
  return user;
}

/** The newest create/update/remove entry of the user with these Entra ids (bounded search back). */
export const newestOfUser = (ctx: UserAdminContext, tenantId: string, objectId: string): Promise<AuditEntry | undefined> =>
  newestLogged(
    ctx,
    (e) =>
      (e.action === 'user.create' || e.action === 'user.update' || e.action === 'user.remove') &&
      String(e.details?.tenantId).toLowerCase() === tenantId.toLowerCase() &&
      String(e.details?.objectId).toLowerCase() === objectId.toLowerCase(),
    ctx.now,
  );

export const isSelf = (ctx: UserAdminContext, tenantId: string, objectId: string): boolean =>
  ctx.user.tenantId.toLowerCase() === tenantId.toLowerCase() && ctx.user.objectId.toLowerCase() === objectId.toLowerCase();

export async function updateUser(ctx: UserAdminContext, input: UpdateUserInput): Promise<{ user: User; changed: boolean }> {
  requireInput(input);
  authorize(ctx.user, 'user.manage');
  // The key of an existing user, as stored (GUIDs are checked when a user is created).
  const tenantId = requireId(input.tenantId, 'tenantId');
  const objectId = requireId(input.objectId, 'objectId');
  const fields = await userFields(ctx, input);
  const current = await loadUser(ctx, tenantId, objectId);
  if (isSelf(ctx, tenantId, objectId) && (fields.role !== current.role || fields.partnerId !== current.partnerId)) {
    throw new DomainError('validation', msg.notYourself, { fields: ['role'] });
  }
  const apply = (u: User): User => {
    const { email: _e, partnerId: _p, ...rest } = u;
    return { ...rest, ...fields, landlordId: u.landlordId, tenantId: u.tenantId, objectId: u.objectId };
  };
  const next = apply(current);
  const keys = ['displayName', 'email', 'role', 'partnerId'] as const;
  if (keys.every((k) => next[k] === current[k])) return { user: current, changed: false };
  const user = await ctx.users.update(current.tenantId, current.objectId, apply);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'user.update', { basis: 'role', ...(user.partnerId ? { partnerId: user.partnerId } : {}), details: { tenantId, objectId, role: user.role } }),
  );
  return { user, changed: true };
}
