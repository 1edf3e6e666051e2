/**
 * A user of one landlord by Entra ids (a member of a Teams conversation, who confirmed conclusions):
 * a user of another landlord is no one here. `search`: when the tenant is unknown or holds no such
 * user (a confirmation stores the object id only, and a partner may have no Microsoft 365 tenant on
 * record), the landlord's users are searched by object id.
 */
import type { User } from '../rules/types';
import type { StorePorts } from './ports';

export async function findLandlordUser(
  store: Pick<StorePorts, 'users'>,
  landlordId: string,
  ids: { tenantId?: string; objectId: string },
  options: { search?: boolean } = {},
): Promise<User | undefined> {
  if (ids.tenantId) {
    const user = await store.users.get(ids.tenantId, ids.objectId);
    if (user && user.landlordId === landlordId) return user;
  }
  if (!options.search) return undefined;
  return (await store.users.listByLandlord(landlordId)).find((u) => u.objectId === ids.objectId);
}
