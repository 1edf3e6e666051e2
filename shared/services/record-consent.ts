/** R7: records the tenant's signed consent to share information (date and scope). */
import { recordConsent as recordConsentRule } from '../rules/information';
import type { IsoDate } from '../rules/types';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { requireDate, requireInput } from './validate';

export interface RecordConsentInput {
  dossierId: string;
  givenOn: IsoDate;
  /** What the tenant consented to share (checked by the rule; never audited). */
  scope: string;
}

export async function recordConsent(ctx: ServiceContext, input: RecordConsentInput): Promise<DossierChange> {
  requireInput(input);
  const givenOn = requireDate(input.givenOn, 'givenOn');
  const today = todayOf(ctx);
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.consent',
    audit: 'consent.record',
    apply: (dossier) => recordConsentRule(dossier, givenOn, input.scope, today),
    details: () => ({ givenOn }),
  });
}
