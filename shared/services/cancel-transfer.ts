/**
 * R6 [product]: the organisation that asked for a transfer takes its request back before the receiving
 * organisation decided; it stays the supporting partner. The request stays in the history, cancelled.
 * A repeat after the cancellation writes nothing.
 */
import { cancelTransfer as cancelTransferRule } from '../rules/trajectory';
import type { Dossier } from '../rules/types';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { requireInput } from './validate';

export interface CancelTransferInput {
  dossierId: string;
}

/** The last request was cancelled by this organisation: a repeat. */
const alreadyCancelledBy = (dossier: Dossier, partnerId: string | undefined): boolean => {
  const last = dossier.transfers[dossier.transfers.length - 1];
  return last?.status === 'cancelled' && last.fromPartnerId === partnerId;
};

export async function cancelTransfer(ctx: ServiceContext, input: CancelTransferInput): Promise<DossierChange> {
  requireInput(input);
  const today = todayOf(ctx);
  const requester = { partnerId: ctx.user.partnerId ?? '', userId: actorOf(ctx) };
  const change = await changeDossier(ctx, input.dossierId, {
    action: 'transfer.cancel',
    audit: 'transfer.cancel',
    apply: (dossier) => (alreadyCancelledBy(dossier, ctx.user.partnerId) ? dossier : cancelTransferRule(dossier, requester, today)),
    details: (before) => {
      const open = before.transfers.find((t) => t.status === 'requested');
      return { fromPartnerId: before.supportingPartnerId, toPartnerId: open?.toPartnerId ?? '' };
    },
  });
  if (change.changed) {
    const cancelled = change.dossier.transfers[change.dossier.transfers.length - 1];
    await notify(ctx, 'transferDecided', (n) =>
      n.transferDecided({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        dossierId: change.dossier.id,
        fromPartnerId: change.dossier.supportingPartnerId,
        toPartnerId: cancelled?.toPartnerId ?? '',
        outcome: 'cancelled',
      }),
    );
  }
  return change;
}
