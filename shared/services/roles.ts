/** Small questions about the acting user that several use cases ask. */
import type { User } from '../rules/types';

export const isLandlordRole = (user: User): boolean => user.role === 'landlord-coordinator' || user.role === 'landlord-staff';

/** The organisation of a partner member; undefined for landlord roles. */
export const memberPartnerId = (user: User): string | undefined =>
  user.role === 'partner-member' && typeof user.partnerId === 'string' && user.partnerId !== '' ? user.partnerId : undefined;
