/** Fictional records for the store tests (no real people or organisations). */
import type {
  Absence,
  AuditEntry,
  Consultation,
  ContactLogEntry,
  Dossier,
  Flag,
  InformationRequest,
  Partner,
  Signal,
  Visit,
} from '../../../shared/rules/types';
import { uid } from '../../setup/test-store';
import { blankDossier } from '../../support/dossiers';

export const landlordId = 'landlord-1';

export function partner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: uid(),
    landlordId,
    name: 'Begeleidingsdienst Voorbeeld',
    contact: { phone: '050 00 00 00', email: 'onthaal@voorbeeld.invalid', officeHours: 'ma-vr 9-17' },
    meetingMode: 'teams',
    ...overrides,
  };
}

let counter = 0;
export function dossier(partnerId: string, overrides: Partial<Dossier> = {}): Dossier {
  counter++;
  return blankDossier({
    id: uid(),
    landlordId,
    number: `VT-2025-${String(counter).padStart(4, '0')}-${uid().slice(0, 4)}`,
    tenant: { name: 'Kandidaat Huurder' },
    registeringPartnerId: partnerId,
    supportingPartnerId: partnerId,
    supportWorker: { name: 'Woonbegeleider' },
    createdOn: '2025-01-15',
    ...overrides,
  });
}

export const signal = (d: Dossier, overrides: Partial<Signal> = {}): Signal => ({
  id: uid(),
  dossierId: d.id,
  partnerId: d.supportingPartnerId,
  category: 'insufficient-cooperation',
  description: 'Afspraken niet nagekomen',
  raisedBy: 'user-1',
  raisedAt: '2025-03-10T10:00:00+01:00',
  basis: 'consent',
  ...overrides,
});

export const visit = (d: Dossier, overrides: Partial<Visit> = {}): Visit => ({
  id: uid(),
  dossierId: d.id,
  kind: 'home-visit-3m',
  plannedOn: '2025-04-15',
  findings: [],
  seriousDefects: false,
  ...overrides,
});

export const contact = (d: Dossier, overrides: Partial<ContactLogEntry> = {}): ContactLogEntry => ({
  id: uid(),
  dossierId: d.id,
  date: '2025-03-01',
  held: true,
  loggedBy: 'user-1',
  ...overrides,
});

export const request = (d: Dossier, overrides: Partial<InformationRequest> = {}): InformationRequest => ({
  id: uid(),
  dossierId: d.id,
  partnerId: d.supportingPartnerId,
  question: 'Hoe loopt de begeleiding?',
  askedBy: 'user-2',
  askedAt: '2025-03-05T09:00:00+01:00',
  ...overrides,
});

export const consultation = (partnerId: string, month: string, overrides: Partial<Consultation> = {}): Consultation => ({
  partnerId,
  month,
  meetingDate: `${month}-27`,
  invitationDate: `${month}-20`,
  flagDeadline: `${month}-27T00:00:00+01:00`,
  mode: 'teams',
  status: 'planned',
  conclusions: [],
  ...overrides,
});

export const flag = (d: Dossier, month: string, overrides: Partial<Flag> = {}): Flag => ({
  dossierId: d.id,
  partnerId: d.supportingPartnerId,
  month,
  problem: 'Huurachterstand',
  flaggedBy: 'user-1',
  flaggedAt: `${month}-10T12:00:00+01:00`,
  source: 'teams',
  ...overrides,
});

export const absence = (partnerId: string, overrides: Partial<Absence> = {}): Absence => ({
  id: uid(),
  partnerId,
  dossierIds: [],
  workerName: 'Woonbegeleider',
  from: '2025-05-01',
  replacementContact: 'onthaal@voorbeeld.invalid',
  reportedBy: 'user-1',
  reportedAt: '2025-04-28T08:00:00+02:00',
  ...overrides,
});

export const audit = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2025-03-10T10:00:00+01:00',
  actor: 'user-1',
  action: 'dossier.read',
  basis: 'role',
  ...overrides,
});
