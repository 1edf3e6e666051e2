/**
 * R6: the open transfer requests a user may decide on or follow. A partner member sees the requests
 * addressed to its own organisation, as the receiving organisation may see them (`transferRequestView`:
 * no tenant data, consent, signals or history); the landlord sees every open request. There is no index
 * of requests by receiving organisation, so this reads the landlord's dossier list (one partition) and
 * keeps the open requests; the access policy ('transfer.view') decides on each record. The listing is
 * audited once (who, which organisation, how many).
 */
import { isAllowed, transferRequestView, type TransferRequestView } from '../rules/access';
import { DomainError } from '../rules/errors';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import type { ServiceContext } from './context';
import { isLandlordRole, memberPartnerId } from './roles';

export interface TransferRequestItem extends TransferRequestView {
  /** 'transfer.decide': this user may accept or refuse it (the receiving organisation's members). */
  canDecide: boolean;
}

export async function listTransferRequests(ctx: ServiceContext): Promise<TransferRequestItem[]> {
  const landlord = isLandlordRole(ctx.user);
  const own = memberPartnerId(ctx.user);
  if (!landlord && !own) throw new DomainError('forbidden', msg.transferListNotAllowed);
  const dossiers = await ctx.ports.dossiers.listAll();
  const items: TransferRequestItem[] = [];
  for (const dossier of dossiers) {
    const view = transferRequestView(dossier);
    if (!view) continue;
    // A member: only what is addressed to its organisation (not what it hands over itself).
    if (!landlord && view.toPartnerId !== own) continue;
    if (!isAllowed(ctx.user, 'transfer.view', dossier)) continue;
    items.push({ ...view, canDecide: isAllowed(ctx.user, 'transfer.decide', dossier) });
  }
  await ctx.ports.audit.append(
    auditEntry(ctx, 'transfer.list', { basis: 'role', ...(own ? { partnerId: own } : {}), details: { count: items.length } }),
  );
  return items;
}
