/**
 * R6: the receiving organisation declines, with a reason that the requesting organisation reads on the
 * dossier (never audited: free text); the current supporting partner stays responsible. The receiving
 * organisation never reads the dossier, so the answer holds ids only.
 */
import { dossierNotFound } from '../rules/access';
import { rejectTransfer as rejectTransferRule } from '../rules/trajectory';
import type { Dossier, User } from '../rules/types';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, loadDossier } from './dossier-access';
import { requireInput } from './validate';

export interface RejectTransferInput {
  dossierId: string;
  /** Why: for the requesting organisation (never audited). */
  reason: string;
}

export interface RejectTransferResult {
  dossierId: string;
  number: string;
  outcome: 'rejected';
  /** False for a repeat: nothing was written. */
  changed: boolean;
}

/** A repeat after the refusal: the last request went to this user's organisation and was rejected. */
function alreadyRejectedBy(dossier: Dossier, user: User): boolean {
  const last = dossier.transfers[dossier.transfers.length - 1];
  return user.role === 'partner-member' && last?.status === 'rejected' && last.toPartnerId === user.partnerId;
}

export async function rejectTransfer(ctx: ServiceContext, input: RejectTransferInput): Promise<RejectTransferResult> {
  requireInput(input);
  const today = todayOf(ctx);
  const loaded = await loadDossier(ctx, input.dossierId);
  if (alreadyRejectedBy(loaded, ctx.user)) {
    if (loaded.landlordId !== ctx.user.landlordId) throw dossierNotFound();
    return { dossierId: loaded.id, number: loaded.number, outcome: 'rejected', changed: false };
  }
  const partnerId = ctx.user.partnerId ?? '';
  const change = await changeDossier(ctx, loaded.id, {
    action: 'transfer.decide',
    audit: 'transfer.reject',
    apply: (dossier) => rejectTransferRule(dossier, partnerId, today, input.reason),
    details: (before) => ({ fromPartnerId: before.supportingPartnerId, toPartnerId: partnerId }),
  });
  if (change.changed) {
    await notify(ctx, 'transferDecided', (n) =>
      n.transferDecided({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        dossierId: loaded.id,
        fromPartnerId: change.dossier.supportingPartnerId,
        toPartnerId: partnerId,
        outcome: 'rejected',
      }),
    );
  }
  return { dossierId: loaded.id, number: loaded.number, outcome: 'rejected', changed: change.changed };
}
