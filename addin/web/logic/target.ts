/**
 * Which consultation the pane shows: the one the invitation refers to (its reference, read from the
 * item or the quoted text), else the user's own organisation and its next open consultation (R15).
 * A landlord user has no organisation of their own: without a reference there is nothing to show.
 */
import type { Me } from '../../../shared/api/schemas';
import type { ConsultationReference } from './reference';

export type Target =
  | { kind: 'consultation'; partnerId: string; month: string; source: 'invitation' | 'next-of-partner' | 'other-invitation' }
  | { kind: 'no-partner' };

export function chooseTarget(me: Me, reference: ConsultationReference | undefined): Target {
  if (reference) {
    // The id as the invitation wrote it; the own organisation's id when it is that one in another case.
    const own = me.partner && me.partner.id.toLowerCase() === reference.partnerId.toLowerCase() ? me.partner.id : undefined;
    // A member reading another organisation's invitation (forwarded, or a shared mailbox): say so, and
    // show the own organisation's next consultation instead of a bare "not found".
    if (me.partner && !own) return { kind: 'consultation', partnerId: me.partner.id, month: me.nextConsultation.month, source: 'other-invitation' };
    return { kind: 'consultation', partnerId: own ?? reference.partnerId, month: reference.month, source: 'invitation' };
  }
  if (me.partner) return { kind: 'consultation', partnerId: me.partner.id, month: me.nextConsultation.month, source: 'next-of-partner' };
  return { kind: 'no-partner' };
}
