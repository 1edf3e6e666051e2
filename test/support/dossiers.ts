/** The one builder of test dossiers: the rule, service and store fixtures all start from it. */
import type { Dossier } from '../../shared/rules/types';

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
