/**
 * Seeds the fictional demo data (shared/demo) into a store. Idempotent: a record that exists is left
 * as it is, so a second run or two instances starting together change nothing.
 */
import { demoData } from '../demo/demo-data';
import { isDomainError } from '../rules/errors';
import type { IsoDate } from '../rules/types';
import type { StorePorts } from './ports';

export interface SeedResult {
  seeded: boolean;
  landlordId: string;
  partners: number;
  users: number;
  dossiers: number;
}

const ignoreExisting = (error: unknown) => {
  if (isDomainError(error) && error.code === 'conflict') return undefined;
  throw error;
};

/** Seeds when the demo landlord does not exist yet (or always with `force`). */
export async function seedDemo(store: StorePorts, today: IsoDate, options: { force?: boolean } = {}): Promise<SeedResult> {
  const data = demoData(today);
  const counts = { landlordId: data.landlord.id, partners: data.partners.length, users: data.users.length, dossiers: data.dossiers.length };
  if (!options.force && (await store.landlords.get(data.landlord.id))) return { seeded: false, ...counts };

  const ports = store.forLandlord(data.landlord.id);
  await Promise.all(data.partners.map((p) => ports.partners.create(p).catch(ignoreExisting)));
  await Promise.all(data.users.map((u) => store.users.create(u).catch(ignoreExisting)));
  for (const dossier of data.dossiers) {
    await ports.dossiers.create(dossier).catch(ignoreExisting);
  }
  // The landlord last: its presence means the seed completed.
  await store.landlords.create(data.landlord).catch(ignoreExisting);
  return { seeded: true, ...counts };
}
