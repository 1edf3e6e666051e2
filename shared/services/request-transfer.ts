/**
 * R6: the supporting partner names another organisation to take the trajectory over. The transfer
 * completes only when that organisation accepts (accept-transfer); the landlord and the receiving
 * partner are told at once.
 */
import { openTransfer, requestTransfer as requestTransferRule } from '../rules/trajectory';
import { serviceMessages as msg } from '../messages/services';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, loadAuthorized, type DossierChange } from './dossier-access';
import { invalid, requireId, requireInput } from './validate';

export interface RequestTransferInput {
  dossierId: string;
  toPartnerId: string;
  /** For the receiving organisation (never audited). */
  reason: string;
}

export async function requestTransfer(ctx: ServiceContext, input: RequestTransferInput): Promise<DossierChange> {
  requireInput(input);
  const toPartnerId = requireId(input.toPartnerId, 'toPartnerId');
  const today = todayOf(ctx);
  const requester = { partnerId: ctx.user.partnerId ?? '', userId: actorOf(ctx) };
  const reason = typeof input.reason === 'string' ? input.reason.trim() : input.reason;
  const loaded = await loadAuthorized(ctx, input.dossierId, 'transfer.request');
  // After the access check: who may not see the dossier learns nothing, not even about partners.
  if (!(await ctx.ports.partners.get(toPartnerId))) throw invalid('toPartnerId', msg.unknownPartner(msg.fieldLabel.toPartnerId));
  const change = await changeDossier(ctx, loaded.id, {
    action: 'transfer.request',
    audit: 'transfer.request',
    apply: (dossier) => {
      const open = openTransfer(dossier);
      // A repeat of the same request answers the open one.
      if (open && open.toPartnerId === toPartnerId && open.requestedBy === requester.userId && open.reason === reason) return dossier;
      return requestTransferRule(dossier, toPartnerId, requester, input.reason, today);
    },
    details: (before) => ({ fromPartnerId: before.supportingPartnerId, toPartnerId }),
  });
  if (change.changed) {
    const open = openTransfer(change.dossier);
    await notify(ctx, 'transferRequested', (n) =>
      n.transferRequested({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        dossierId: change.dossier.id,
        fromPartnerId: open?.fromPartnerId ?? change.dossier.supportingPartnerId,
        toPartnerId,
      }),
    );
  }
  return change;
}
