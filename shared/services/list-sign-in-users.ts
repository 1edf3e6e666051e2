/**
 * Local mode's development sign-in: the landlord's users to sign in as, each with the name of its
 * organisation (a partner member). Two reads in parallel, whatever the number of users.
 */
import type { User } from '../rules/types';
import type { StorePorts } from './ports';

export interface SignInUser {
  user: User;
  partnerName?: string;
}

export async function listSignInUsers(store: Pick<StorePorts, 'users' | 'forLandlord'>, landlordId: string): Promise<SignInUser[]> {
  const [users, partners] = await Promise.all([store.users.listByLandlord(landlordId), store.forLandlord(landlordId).partners.list()]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return users.map((user) => {
    const partnerName = user.partnerId ? names.get(user.partnerId) : undefined;
    return { user, ...(partnerName ? { partnerName } : {}) };
  });
}
