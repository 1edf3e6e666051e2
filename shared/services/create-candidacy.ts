/**
 * R1: creates a trajectory as a candidacy, with a generated id and the next free human number
 * `VT-YYYY-NNN` (accelerated allocation) or `AW-YYYY-NNN` (andere woonbegeleiding), YYYY the year in
 * Brussels. Landlord coordinator only.
 *
 * Numbers without duplicates, also across server instances: each number is claimed through an
 * exactly-once key (`dossier-number|<landlord>|VT-2025|14`), which exactly one caller wins. Claims
 * are taken in order, so the claimed numbers of a series always form 1..N and the search for the
 * first free one reads O(log N) keys. A number already held by a dossier that was not created here
 * (imported, seeded) makes the store refuse the create ('conflict'); the claim is then marked as taken
 * and the next number is tried. A crash between claim and create leaves a gap, never a duplicate.
 *
 * With `candidacyId` (an adapter's idempotency key) the same candidacy again creates nothing: it
 * answers the stored dossier, and writes its 'dossier.create' entry when a failure between the create
 * and the entry left it out (the store creates the dossier in a transaction of its own).
 */
import { authorize } from '../rules/access';
import { DomainError, isDomainError } from '../rules/errors';
import { createCandidacy as createCandidacyRule, type CandidacyInput } from '../rules/trajectory';
import type { Dossier, ObligationDocuments, TrajectoryKind } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { storeMessages } from '../messages/store';
import { auditEntry } from './audit';
import { appendUnlessLogged } from './audit-repair';
import { todayOf, type ServiceContext } from './context';
import type { ExactlyOnce } from './ports';
import { invalid, optionalId, requireId, requireInput } from './validate';

export interface CreateCandidacyInput {
  kind: TrajectoryKind;
  tenant: { name: string; address?: string };
  registeringPartnerId: string;
  supportingPartnerId: string;
  supportWorker: { name: string; email?: string };
  documents?: ObligationDocuments;
  /** An adapter's idempotency key, used as the dossier's id: a repeat changes nothing. */
  candidacyId?: string;
}

export interface CreateCandidacyResult {
  dossier: Dossier;
  /** False when this candidacy was created before (same `candidacyId`, same input). */
  changed: boolean;
}

/** What the input decides of a new dossier (the rest is the number, the day, and later steps). */
const asCreated = (d: Dossier): string =>
  JSON.stringify([d.kind, d.tenant, d.registeringPartnerId, d.supportingPartnerId, d.supportWorker, d.documents]);

/** Safety net: never loop forever on a broken store. */
const MAX_NUMBER_ATTEMPTS = 1000;

export const numberPrefix = (kind: TrajectoryKind): string => (kind === 'VT' ? 'VT' : 'AW');
export const formatNumber = (prefix: string, year: string, n: number): string => `${prefix}-${year}-${String(n).padStart(3, '0')}`;
const claimKey = (landlordId: string, series: string, n: number): string => `dossier-number|${landlordId}|${series}|${n}`;

/** The first number of a series whose claim key is free: galloping, then binary search (claims form 1..N). */
async function firstUnclaimed(once: ExactlyOnce, key: (n: number) => string): Promise<number> {
  const taken = async (n: number) => (await once.get(key(n))) !== undefined;
  if (!(await taken(1))) return 1;
  let low = 1; // taken
  let high = 2;
  while (await taken(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await taken(mid)) low = mid;
    else high = mid;
  }
  return high;
}

export async function createCandidacy(ctx: ServiceContext, input: CreateCandidacyInput): Promise<CreateCandidacyResult> {
  requireInput(input);
  authorize(ctx.user, 'dossier.create');
  const today = todayOf(ctx);
  const landlordId = ctx.ports.landlordId;
  const candidate = (id: string, number: string): CandidacyInput => ({
    id,
    landlordId,
    number,
    kind: input.kind,
    tenant: input.tenant,
    registeringPartnerId: input.registeringPartnerId,
    supportingPartnerId: input.supportingPartnerId,
    supportWorker: input.supportWorker,
    ...(input.documents ? { documents: input.documents } : {}),
  });
  // Validate everything before claiming a number: a refused candidacy writes nothing.
  createCandidacyRule(candidate('pending', 'pending'), today);
  for (const field of ['registeringPartnerId', 'supportingPartnerId'] as const) {
    const partner = await ctx.ports.partners.get(requireId(input[field], field));
    if (!partner) throw invalid(field, msg.unknownPartner(msg.fieldLabel[field]));
  }

  const candidacyId = optionalId(input.candidacyId, 'dossierId');
  const existing = candidacyId ? await ctx.ports.dossiers.get(candidacyId) : undefined;
  if (existing) {
    if (asCreated(existing) !== asCreated(createCandidacyRule(candidate(existing.id, existing.number), today))) {
      throw new DomainError('conflict', storeMessages.exists.dossier); // the key of another candidacy
    }
    await appendUnlessLogged(ctx, await createdEntry(ctx, existing), (e) => e.action === 'dossier.create');
    return { dossier: existing, changed: false };
  }

  const series = `${numberPrefix(input.kind)}-${today.slice(0, 4)}`;
  const key = (n: number) => claimKey(landlordId, series, n);
  let n = await firstUnclaimed(ctx.exactlyOnce, key);
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++, n++) {
    if (!(await ctx.exactlyOnce.claim(key(n), { now: ctx.now }))) continue;
    const number = formatNumber(numberPrefix(input.kind), today.slice(0, 4), n);
    const dossier = createCandidacyRule(candidate(candidacyId ?? ctx.ids(), number), today);
    try {
      await ctx.ports.dossiers.create(dossier);
    } catch (err) {
      if (isDomainError(err) && err.code === 'conflict' && (await ctx.ports.dossiers.getByNumber(number))) {
        await ctx.exactlyOnce.markDone(key(n), { taken: true }).catch(() => undefined);
        continue; // held by a dossier created elsewhere: the next number
      }
      await ctx.exactlyOnce.markFailed(key(n), isDomainError(err) ? err.code : 'error').catch(() => undefined);
      throw err;
    }
    // The create is its own transaction (the partition does not exist before it): the audit entry follows it.
    await ctx.ports.audit.append(dossierCreated(ctx, dossier));
    // Housekeeping only: a claim left 'claimed' keeps its number taken just as well.
    await ctx.exactlyOnce.markDone(key(n), { dossierId: dossier.id }).catch(() => undefined);
    return { dossier, changed: true };
  }
  throw new DomainError('conflict', msg.numberUnavailable);
}

function dossierCreated(ctx: ServiceContext, dossier: Dossier) {
  return auditEntry(ctx, 'dossier.create', {
    dossierId: dossier.id,
    basis: 'role',
    details: {
      number: dossier.number,
      kind: dossier.kind,
      registeringPartnerId: dossier.registeringPartnerId,
      supportingPartnerId: dossier.supportingPartnerId,
    },
  });
}

/**
 * The entry of a stored create, for a repair: the create's moment is its number's claim (taken with
 * the request's moment just before the create); its author is not stored, so the repeat's actor.
 */
async function createdEntry(ctx: ServiceContext, dossier: Dossier) {
  const match = /^(VT|AW)-(\d{4})-(\d+)$/.exec(dossier.number);
  const claim = match ? await ctx.exactlyOnce.get(claimKey(ctx.ports.landlordId, `${match[1]}-${match[2]}`, Number(match[3]))) : undefined;
  return { ...dossierCreated(ctx, dossier), ...(claim?.claimedAt ? { at: claim.claimedAt } : {}) };
}
