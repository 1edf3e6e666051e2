/** R1: records the signatures of the "Bevestiging van een begeleidingsovereenkomst" (one, two or all three at once). */
import { DomainError } from '../rules/errors';
import { missingSignatures, recordSignature as recordSignatureRule } from '../rules/trajectory';
import { SIGNATORIES, type IsoDate, type Signatory } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { todayOf, type ServiceContext } from './context';
import { changeDossier, type DossierChange } from './dossier-access';
import { requireDate, requireInput } from './validate';

export interface RecordSignatureInput {
  dossierId: string;
  /** Who signed on which day, e.g. `{ tenant: '2025-03-02' }`. */
  signatures: Partial<Record<Signatory, IsoDate>>;
}

function signaturesOf(value: unknown): [Signatory, IsoDate][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError('validation', msg.noSignatures, { fields: ['signatures'] });
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, date]) => date !== undefined && date !== null && date !== '');
  if (entries.length === 0 || entries.some(([who]) => !SIGNATORIES.includes(who as Signatory))) {
    throw new DomainError('validation', msg.noSignatures, { fields: ['signatures'] });
  }
  // A fixed order, so the result does not depend on how the input was written.
  return SIGNATORIES.filter((s) => entries.some(([who]) => who === s)).map((s) => [s, requireDate((value as Record<string, unknown>)[s], 'date')]);
}

export async function recordSignature(ctx: ServiceContext, input: RecordSignatureInput): Promise<DossierChange> {
  requireInput(input);
  const signatures = signaturesOf(input.signatures);
  const today = todayOf(ctx);
  return changeDossier(ctx, input.dossierId, {
    action: 'dossier.sign',
    audit: 'dossier.sign',
    apply: (dossier) => signatures.reduce((d, [who, date]) => recordSignatureRule(d, who, date, today), dossier),
    details: (before, after) => ({
      signatories: SIGNATORIES.filter((s) => after.signatures[s] !== before.signatures[s]).join(','),
      complete: missingSignatures(after).length === 0,
    }),
  });
}
