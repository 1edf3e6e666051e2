/**
 * R6: the receiving organisation accepts the transfer: it becomes the supporting partner and reads
 * the whole dossier; the organisation that handed over loses access. Optionally names the new
 * support worker.
 */
import { authorize } from '../rules/access';
import { acceptTransfer as acceptTransferRule } from '../rules/trajectory';
import type { Dossier, User } from '../rules/types';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, loadDossier, type DossierChange } from './dossier-access';
import { requireInput } from './validate';

export interface AcceptTransferInput {
  dossierId: string;
  newSupportWorker?: { name: string; email?: string };
}

/** A repeat after the acceptance: this user's organisation already took the dossier over. */
export function alreadyTakenOverBy(dossier: Dossier, user: User): boolean {
  const last = dossier.transfers[dossier.transfers.length - 1];
  return (
    user.role === 'partner-member' &&
    last?.status === 'accepted' &&
    last.toPartnerId === user.partnerId &&
    dossier.supportingPartnerId === user.partnerId
  );
}

export async function acceptTransfer(ctx: ServiceContext, input: AcceptTransferInput): Promise<DossierChange> {
  requireInput(input);
  const today = todayOf(ctx);
  const loaded = await loadDossier(ctx, input.dossierId);
  if (alreadyTakenOverBy(loaded, ctx.user)) {
    authorize(ctx.user, 'dossier.read', loaded);
    return { dossier: loaded, changed: false };
  }
  const partnerId = ctx.user.partnerId ?? '';
  const change = await changeDossier(ctx, loaded.id, {
    action: 'transfer.decide',
    audit: 'transfer.accept',
    apply: (dossier) => acceptTransferRule(dossier, partnerId, today, input.newSupportWorker),
    details: (before, after) => ({ fromPartnerId: before.supportingPartnerId, toPartnerId: after.supportingPartnerId }),
  });
  const fromPartnerId = loaded.supportingPartnerId;
  await notify(ctx, 'transferDecided', (n) =>
    n.transferDecided({
      landlordId: ctx.ports.landlordId,
      at: ctx.now,
      actor: actorOf(ctx),
      dossierId: loaded.id,
      fromPartnerId,
      toPartnerId: partnerId,
      outcome: 'accepted',
    }),
  );
  return change;
}
