/**
 * The benchmark's data: the demo landlord with 50 fictional partners and N dossiers, written
 * straight through the store (the rules' shape, not the use cases: seeding is not what is measured).
 * Partner p01 keeps the same 20 dossiers whatever the total, so its agenda can be compared.
 */
import { demoData, PLAYGROUND_TENANT, playgroundUser } from '../../shared/demo/demo-data';
import { addMonths } from '../../shared/rules/dates';
import type { Dossier, Partner, User } from '../../shared/rules/types';
import type { Store } from '../../shared/store';

export const PARTNERS = 50;
/**
 * The benchmark and the load run measure throughput with users that are machines, each far faster
 * than a person: the per-user rate limits (shared/rules/rate-limit.ts) are lifted for them.
 */
export const NO_RATE_LIMITS = {
  RATE_LIMIT_READ_BURST: '1000000000',
  RATE_LIMIT_READS_PER_MINUTE: '1000000000',
  RATE_LIMIT_WRITE_BURST: '1000000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
};
export const MEASURED_PARTNER = 'p01';
export const MEASURED_PARTNER_DOSSIERS = 20;
export const LANDLORD = demoData('2026-11-02').landlord;

export const partnerId = (i: number) => `p${String(i + 1).padStart(2, '0')}`;

export const benchPartners = (): Partner[] =>
  Array.from({ length: PARTNERS }, (_, i) => ({
    id: partnerId(i),
    landlordId: LANDLORD.id,
    name: `Partner ${i + 1} (fictief)`,
    contact: { phone: '050 00 00 00', email: `p${i + 1}@partner.example`, officeHours: 'ma-vr 9-16 u' },
    m365TenantId: PLAYGROUND_TENANT,
    meetingMode: 'teams',
  }));

/** A coordinator and one member per partner (object ids ...020 and 1000+i). */
export const benchUsers = (): User[] => [
  { landlordId: LANDLORD.id, tenantId: PLAYGROUND_TENANT, objectId: playgroundUser(0), displayName: 'Coördinator', role: 'landlord-coordinator' },
  ...Array.from({ length: PARTNERS }, (_, i) => ({
    landlordId: LANDLORD.id,
    tenantId: PLAYGROUND_TENANT,
    objectId: `00000000-0000-0000-0001-${String(1000 + i).padStart(12, '0')}`,
    displayName: `Lid ${i + 1}`,
    role: 'partner-member' as const,
    partnerId: partnerId(i),
  })),
];

export function benchDossier(n: number, partner: string, today: string): Dossier {
  const leaseStart = addMonths(today, -(n % 11) - 1);
  return {
    id: `b-${n}`,
    landlordId: LANDLORD.id,
    number: `VT-2026-${String(n).padStart(5, '0')}`,
    kind: 'VT',
    tenant: { name: `Huurder ${n}` },
    registeringPartnerId: partner,
    supportingPartnerId: partner,
    supportWorker: { name: `Begeleider ${n % 40}` },
    signatures: { supportWorker: addMonths(leaseStart, -1), tenant: addMonths(leaseStart, -1), landlord: addMonths(leaseStart, -1) },
    consent: { givenOn: addMonths(leaseStart, -1), scope: 'Woontraject' },
    leaseStart,
    extensions: [],
    status: 'active',
    formerPartnerIds: [],
    transfers: [],
    contactLogActive: false,
    documents: {},
    createdOn: addMonths(leaseStart, -1),
  };
}

export async function seedDirectory(store: Store): Promise<void> {
  await store.landlords.create(LANDLORD);
  const ports = store.forLandlord(LANDLORD.id);
  await Promise.all(benchPartners().map((p) => ports.partners.create(p)));
  await Promise.all(benchUsers().map((u) => store.users.create(u)));
}

/** Writes dossiers number `from`..`to`-1; p01 gets numbers 0..19, the rest go round the others. */
export async function seedDossiers(store: Store, from: number, to: number, today: string, concurrency = 32): Promise<void> {
  const ports = store.forLandlord(LANDLORD.id);
  const owner = (n: number) => (n < MEASURED_PARTNER_DOSSIERS ? MEASURED_PARTNER : partnerId(1 + (n % (PARTNERS - 1))));
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < to; n = next++) await ports.dossiers.create(benchDossier(n, owner(n), today));
    }),
  );
}
