/**
 * R6: the receiving organisation accepts the transfer: it becomes the supporting partner and reads
 * the whole dossier; the organisation that handed over loses access. Optionally names the new
 * support worker. Everything still open follows the dossier (rules/transfer.ts): open information
 * requests in the same transaction, the flags for consultations not yet held right after (a repeat
 * of the acceptance finishes an interrupted move); signals follow through the agenda's rule. The
 * landlord is told who answers its open requests now.
 */
import { authorize } from '../rules/access';
import { acceptTransfer as acceptTransferRule } from '../rules/trajectory';
import { isOpenRequest, requestFollowingTransfer } from '../rules/transfer';
import type { Dossier, User } from '../rules/types';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, loadDossier, type DossierChange } from './dossier-access';
import { moveFlagsWithDossier } from './dossier-flags';
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
    // A repeat finishes what an interrupted acceptance left (the flags live elsewhere).
    const from = loaded.transfers[loaded.transfers.length - 1]?.fromPartnerId;
    if (from) await followUp(ctx, loaded, from, []);
    return { dossier: loaded, changed: false };
  }
  const partnerId = ctx.user.partnerId ?? '';
  const requests = await ctx.ports.informationRequests.listByDossier(loaded.id);
  let handedOver: string[] = [];
  const change = await changeDossier(ctx, loaded.id, {
    action: 'transfer.decide',
    audit: 'transfer.accept',
    apply: (dossier) => acceptTransferRule(dossier, partnerId, today, input.newSupportWorker),
    details: (before, after) => ({ fromPartnerId: before.supportingPartnerId, toPartnerId: after.supportingPartnerId }),
    // R6: open information requests follow the dossier, in the same transaction.
    alsoStage: async (w, _before, after) => {
      handedOver = [];
      for (const listed of requests.filter(isOpenRequest)) {
        const current = await w.getInformationRequest(listed.id);
        if (!current) continue;
        const next = requestFollowingTransfer(current, after, today);
        if (next === current) continue;
        w.putInformationRequest(next);
        w.appendAudit(
          auditEntry(ctx, 'info.handover', {
            dossierId: after.id,
            partnerId: next.partnerId,
            basis: 'role',
            details: { requestId: next.id, fromPartnerId: current.partnerId, toPartnerId: next.partnerId },
          }),
        );
        handedOver.push(next.id);
      }
    },
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
  if (change.changed) await followUp(ctx, change.dossier, fromPartnerId, handedOver);
  return change;
}

/** R6: the flags follow (their own partitions), and the landlord is told who answers now. */
async function followUp(ctx: ServiceContext, dossier: Dossier, fromPartnerId: string, requestIds: string[]): Promise<void> {
  const flagMonths = await moveFlagsWithDossier(ctx, dossier, [fromPartnerId]);
  if (requestIds.length === 0 && flagMonths.length === 0) return;
  await notify(ctx, 'openItemsHandedOver', (n) =>
    n.openItemsHandedOver({
      landlordId: ctx.ports.landlordId,
      at: ctx.now,
      actor: actorOf(ctx),
      dossierId: dossier.id,
      fromPartnerId,
      toPartnerId: dossier.supportingPartnerId,
      requestIds,
      flagMonths,
    }),
  );
}
