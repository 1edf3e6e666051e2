/**
 * A small fictional world for the use-case tests, on the run's Azurite with tables of its own: the
 * demo landlord 'vivendo', its four partners and five users (shared/demo), a few more users, and
 * builders for dossiers in any state. No real person or organisation is meant.
 */
import { demoData, PLAYGROUND_TENANT } from '../../../shared/demo/demo-data';
import { DomainError } from '../../../shared/rules/errors';
import type { AuditEntry, Dossier, Instant, LandlordConfig, Partner, User } from '../../../shared/rules/types';
import { createServiceContext, type ServiceContext } from '../../../shared/services/context';
import { RecordingNotifier } from '../../../shared/services/notifier';
import type { LandlordPorts } from '../../../shared/services/ports';
import { createStore, type Store } from '../../../shared/store';
import { tableClients } from '../../../shared/store/connection';
import { TABLES } from '../../../shared/store/context';
import { testConnectionString, testPrefix, uid } from '../../setup/test-store';
import { allSigned, blankDossier } from '../../support/dossiers';

/** A Monday before the November 2025 consultation (meeting Thu 27 Nov, invitation 20 Nov, flags until 27 Nov 00:00). */
export const NOW: Instant = '2025-11-10T10:00:00+01:00';
export const TODAY = '2025-11-10';
export const DEMO = demoData(TODAY);

export const user = (n: number): User => DEMO.users[n] as User;
export const coordinator = user(0); // landlord-coordinator
export const deVaartMember = user(1); // partner-member of de-vaart
export const woonkrachtMember = user(2); // partner-member of woonkracht
export const staff = user(3); // landlord-staff
export const deLindeMember = user(4); // partner-member of de-linde
/** A second member of de-vaart and a member of onderdak (not in the demo). */
export const deVaartMember2: User = { ...deVaartMember, objectId: '00000000-0000-0000-0000-000000000031', displayName: 'Tweede Medewerker' };
export const onderdakMember: User = { ...deVaartMember, objectId: '00000000-0000-0000-0000-000000000032', displayName: 'Medewerker Onderdak', partnerId: 'onderdak' };

export interface World {
  store: Store;
  prefix: string;
  landlord: LandlordConfig;
  partners: Partner[];
  ports: LandlordPorts;
  notifier: RecordingNotifier;
  /** A context for `who` at `now` (default NOW), with the world's recording notifier. */
  ctx(who: User, now?: Instant): ServiceContext;
}

export async function createWorld(): Promise<World> {
  const prefix = testPrefix();
  const store = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
  const ports = store.forLandlord(DEMO.landlord.id);
  await store.landlords.create(DEMO.landlord);
  await Promise.all(DEMO.partners.map((p) => ports.partners.create(p)));
  await Promise.all([...DEMO.users, deVaartMember2, onderdakMember].map((u) => store.users.create(u)));
  const notifier = new RecordingNotifier();
  return {
    store,
    prefix,
    landlord: DEMO.landlord,
    partners: DEMO.partners,
    ports,
    notifier,
    ctx: (who, now = NOW) => createServiceContext({ store, landlord: DEMO.landlord, user: who, now, notifier }),
  };
}

let counter = 0;
/** A distinct fictional tenant name, so the audit checks can look for it. */
export const tenantName = (): string => `Testhuurder Nummer${++counter} Zonnebloem`;

/** A dossier in any state, registered and supported by de-vaart unless overridden (not yet stored). */
export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return blankDossier({
    id: uid(),
    landlordId: DEMO.landlord.id,
    number: `VT-2024-${String(100 + ++counter)}`,
    tenant: { name: tenantName(), address: `Teststraat ${counter}, 8000 Brugge` },
    registeringPartnerId: 'de-vaart',
    supportingPartnerId: 'de-vaart',
    supportWorker: { name: 'Begeleider Testpersoon' },
    createdOn: '2025-01-06',
    ...overrides,
  });
}

export const consent = { givenOn: '2025-01-20', scope: 'Informatie-uitwisseling over het woontraject' };

/** Running since 1 Feb 2025, with consent. */
export const active = (overrides: Partial<Dossier> = {}): Dossier =>
  dossier({ signatures: { ...allSigned }, leaseStart: '2025-02-01', status: 'active', consent, ...overrides });

export async function stored(world: World, d: Dossier): Promise<Dossier> {
  await world.ports.dossiers.create(d);
  return d;
}

/**
 * Every entity of the world's tables (key -> ETag): compare two snapshots to prove that a refused
 * action wrote nothing at all, audit entries and copies included.
 */
export function snapshot(world: World): Promise<Map<string, string>> {
  return tableSnapshot(world.prefix);
}

/**
 * Every entity of the tables with this prefix, keyed by [table, PartitionKey, RowKey] as JSON (keys
 * may hold '|'), except those `skip` names.
 */
export async function tableSnapshot(prefix: string, skip: (table: string, entity: Record<string, unknown>) => boolean = () => false): Promise<Map<string, string>> {
  const client = tableClients({ connectionString: testConnectionString() });
  const out = new Map<string, string>();
  await Promise.all(
    TABLES.map(async (name) => {
      for await (const e of client(prefix + name).listEntities()) {
        if (!skip(name, e)) out.set(JSON.stringify([name, e.partitionKey, e.rowKey]), String(e.etag));
      }
    }),
  );
  return out;
}

/** Runs `action`, expects it to throw a DomainError, and checks that storage did not change. */
export async function refusedWithoutWrites(world: World, action: () => Promise<unknown>): Promise<DomainError> {
  const before = await snapshot(world);
  const error = await action().then(
    () => {
      throw new Error('expected a refusal, but the action succeeded');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  expect(await snapshot(world)).toEqual(before);
  return error;
}

export const auditOf = (world: World, dossierId: string): Promise<AuditEntry[]> => world.ports.audit.listByDossier(dossierId);

export { allSigned, PLAYGROUND_TENANT, uid };
