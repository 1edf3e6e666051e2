/**
 * R7: the tenant withdraws consent; from that day on nothing is shared any more (safety signals
 * excepted, R9). [product] What was still open stops with it: open information requests lapse in the
 * same transaction (no answer, no reminder; the landlord is told), and the flags for a consultation
 * not yet held are withdrawn right after, each with a notice to who set it. A repeat of the same
 * withdrawal finishes what an interruption left and writes nothing else.
 */
import { lapseRequest } from '../rules/information';
import { isOpenRequest } from '../rules/transfer';
import { withdrawConsent as withdrawConsentRule } from '../rules/information';
import type { IsoDate } from '../rules/types';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { withdrawFlagsWithoutConsent } from './dossier-flags';
import { optionalDate, requireInput } from './validate';

export interface WithdrawConsentInput {
  dossierId: string;
  /** Default: today. */
  withdrawnOn?: IsoDate;
}

export async function withdrawConsent(ctx: ServiceContext, input: WithdrawConsentInput): Promise<DossierChange> {
  requireInput(input);
  const today = todayOf(ctx);
  const withdrawnOn = optionalDate(input.withdrawnOn, 'withdrawnOn') ?? today;
  let lapsed: string[] = [];
  const change = await changeDossier(ctx, input.dossierId, {
    action: 'dossier.consent',
    audit: 'consent.withdraw',
    apply: (dossier) => withdrawConsentRule(dossier, withdrawnOn, today),
    details: () => ({ withdrawnOn }),
    alsoStage: async (w) => {
      lapsed = [];
      const requests = await ctx.ports.informationRequests.listByDossier(w.dossier.id);
      for (const listed of requests.filter(isOpenRequest)) {
        const current = await w.getInformationRequest(listed.id);
        if (!current || !isOpenRequest(current)) continue;
        w.putInformationRequest(lapseRequest(current, withdrawnOn));
        w.appendAudit(auditEntry(ctx, 'info.lapse', { dossierId: current.dossierId, partnerId: current.partnerId, basis: 'role', details: { requestId: current.id } }));
        lapsed.push(current.id);
      }
    },
  });
  if (change.dossier.consent?.withdrawnOn === withdrawnOn) await withdrawFlagsWithoutConsent(ctx, change.dossier);
  if (lapsed.length > 0) {
    await notify(ctx, 'informationLapsed', (n) =>
      n.informationLapsed({ landlordId: ctx.ports.landlordId, at: ctx.now, actor: actorOf(ctx), dossierId: change.dossier.id, requestIds: lapsed }),
    );
  }
  return change;
}
