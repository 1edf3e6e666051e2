/** R7: the tenant withdraws consent; from that day on nothing is shared any more (safety signals excepted, R9). */
import { withdrawConsent as withdrawConsentRule } from '../rules/information';
import type { IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
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
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.consent',
    audit: 'consent.withdraw',
    apply: (dossier) => withdrawConsentRule(dossier, withdrawnOn, today),
    details: () => ({ withdrawnOn }),
  });
}
