/** Test builders for dossiers, shared by the rule tests. */
import { DomainError } from '../../../shared/rules/errors';
import type { Dossier } from '../../../shared/rules/types';
import { allSigned, blankDossier } from '../../support/dossiers';

export const LANDLORD = 'vivendo';
export const REGISTERING = 'ocmw-brugge';
export const SUPPORTING = 'cawb';
export const OTHER_PARTNER = 'de-kade';

/** A candidacy as `createCandidacy` would make it, with everything overridable. */
export function candidacy(overrides: Partial<Dossier> = {}): Dossier {
  return blankDossier({
    id: 'd-1',
    landlordId: LANDLORD,
    number: 'VT-2025-014',
    tenant: { name: 'An Peeters', address: 'Kerkstraat 1, 8000 Brugge' },
    registeringPartnerId: REGISTERING,
    supportingPartnerId: SUPPORTING,
    supportWorker: { name: 'Bart Claes', email: 'bart.claes@example.org' },
    createdOn: '2025-01-06',
    ...overrides,
  });
}

export { allSigned };

/** A running trajectory: signed, lease start 2025-02-01. */
export function activeDossier(overrides: Partial<Dossier> = {}): Dossier {
  return candidacy({ signatures: { ...allSigned }, leaseStart: '2025-02-01', status: 'active', ...overrides });
}

/** Running since 05/03/2025 (signed in February; consent on file since 2024), no milestone due in November 2025: for the agenda and flag tests. */
export function runningDossier(overrides: Partial<Dossier> = {}): Dossier {
  return candidacy({
    number: 'VT-2025-001',
    signatures: { supportWorker: '2025-02-20', tenant: '2025-02-20', landlord: '2025-02-21' },
    consent: { givenOn: '2024-01-02', scope: 'Informatie-uitwisseling over het woontraject' },
    leaseStart: '2025-03-05',
    status: 'active',
    createdOn: '2025-02-01',
    ...overrides,
  });
}

/** Freezes an object and everything in it, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The DomainError that `fn` throws (fails the test when it throws nothing or something else). */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
