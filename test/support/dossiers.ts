/** The one builder of test dossiers: the rule, service and store fixtures all start from it. */
import type { Dossier, Visit } from '../../shared/rules/types';

/** What the caller always gives: who and what the dossier is about. */
export type DossierIdentity = Pick<
  Dossier,
  'id' | 'landlordId' | 'number' | 'tenant' | 'registeringPartnerId' | 'supportingPartnerId' | 'supportWorker' | 'createdOn'
>;

/** A new VT candidacy, as `createCandidacy` makes it: no signatures, empty collections; `fields` win. */
export function blankDossier(fields: DossierIdentity & Partial<Dossier>): Dossier {
  return {
    kind: 'VT',
    signatures: {},
    extensions: [],
    status: 'candidacy',
    formerPartnerIds: [],
    transfers: [],
    contactLogActive: false,
    documents: {},
    ...fields,
  };
}

/** All three signatures (support worker, tenant, landlord) given. */
export const allSigned = { supportWorker: '2025-01-20', tenant: '2025-01-20', landlord: '2025-01-21' } as const;

/** R19: a final evaluation at home with the support worker present and a finding for every part of the home, nothing wrong. */
export function finalEvaluationOf(dossierId: string, heldOn: string, overrides: Partial<Visit> = {}): Visit {
  return {
    id: `final-${heldOn}`,
    dossierId,
    kind: 'final-evaluation',
    heldOn,
    supportWorkerPresent: true,
    findings: (['house', 'garden', 'terrace', 'garage'] as const).map((part) => ({ part, ok: true })),
    seriousDefects: false,
    ...overrides,
  };
}
