/**
 * Who receives a partner's mail: its members with an e-mail address (users of the product), or, when
 * it has none, the organisation's general address (R5). Only this partner's people: its agenda and
 * conclusions hold its own dossiers and problem statements.
 */
import type { Partner } from '../rules/types';
import { isMailAddress } from '../mail/mime';
import type { LandlordRun } from './context';

export async function recipientsOf(run: LandlordRun, partner: Partner): Promise<string[]> {
  const members = (await run.users())
    .filter((u) => u.role === 'partner-member' && u.partnerId === partner.id && typeof u.email === 'string')
    .map((u) => (u.email as string).trim().toLowerCase())
    .filter(isMailAddress);
  const unique = [...new Set(members)].sort();
  if (unique.length > 0) return unique;
  const general = partner.contact.email.trim().toLowerCase();
  if (!isMailAddress(general)) throw new RecipientError();
  return [general];
}

/** A partner without any valid address: nobody to write to (the coordinator is alerted when it keeps failing). */
export class RecipientError extends Error {
  constructor() {
    super('no valid recipient');
    this.name = 'no-recipient';
  }
}
