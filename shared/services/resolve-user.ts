/**
 * Who is this? The first step of every request: the Entra tenant and object id (from the Teams
 * activity or a validated token) to a User of a landlord that exists. A partner member whose
 * organisation no longer exists is unknown too. Unknown is a typed result, not an error: the adapter
 * gives the same Dutch "no access" answer in every case; `reason` is for logs and tests only.
 */
import type { LandlordConfig, Partner, User } from '../rules/types';
import type { StorePorts } from './ports';
import { requireId, requireInput } from './validate';

export interface ResolveUserInput {
  tenantId: string;
  objectId: string;
}

export type ResolveUserResult =
  | { status: 'known'; user: User; landlord: LandlordConfig; partner?: Partner }
  /** `reason` for logs and tests only: the user is told the same in every case. */
  | { status: 'unknown-user'; reason: 'no-user' | 'no-landlord' | 'no-partner' };

export async function resolveUser(store: Pick<StorePorts, 'users' | 'landlords' | 'forLandlord'>, input: ResolveUserInput): Promise<ResolveUserResult> {
  requireInput(input);
  const tenantId = requireId(input.tenantId, 'tenantId');
  const objectId = requireId(input.objectId, 'objectId');
  const user = await store.users.get(tenantId, objectId);
  if (!user) return { status: 'unknown-user', reason: 'no-user' };
  const landlord = await store.landlords.get(user.landlordId);
  if (!landlord) return { status: 'unknown-user', reason: 'no-landlord' };
  if (user.role !== 'partner-member') return { status: 'known', user, landlord };
  const partner = user.partnerId ? await store.forLandlord(landlord.id).partners.get(user.partnerId) : undefined;
  if (!partner) return { status: 'unknown-user', reason: 'no-partner' };
  return { status: 'known', user, landlord, partner };
}
