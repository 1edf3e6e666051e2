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
 */
import { authorize } from '../rules/access';
import { DomainError, isDomainError } from '../rules/errors';
import { createCandidacy as createCandidacyRule, type CandidacyInput } from '../rules/trajectory';
import type { Dossier, ObligationDocuments, TrajectoryKind } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { todayOf, type ServiceContext } from './context';
import type { ExactlyOnce } from './ports';
import { invalid, requireId, requireInput } from './validate';

export interface CreateCandidacyInput {
  kind: TrajectoryKind;
  tenant: { name: string; address?: string };
  registeringPartnerId: string;
  supportingPartnerId: string;
  supportWorker: { name: string; email?: string };
  documents?: ObligationDocuments;
}

export interface CreateCandidacyResult {
  dossier: Dossier;
}

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

  const series = `${numberPrefix(input.kind)}-${today.slice(0, 4)}`;
  const key = (n: number) => claimKey(landlordId, series, n);
  let n = await firstUnclaimed(ctx.exactlyOnce, key);
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++, n++) {
    if (!(await ctx.exactlyOnce.claim(key(n), { now: ctx.now }))) continue;
    const number = formatNumber(numberPrefix(input.kind), today.slice(0, 4), n);
    const dossier = createCandidacyRule(candidate(ctx.ids(), number), today);
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
    await ctx.ports.audit.append(
      auditEntry(ctx, 'dossier.create', {
        dossierId: dossier.id,
        basis: 'role',
        details: {
          number,
          kind: dossier.kind,
          registeringPartnerId: dossier.registeringPartnerId,
          supportingPartnerId: dossier.supportingPartnerId,
        },
      }),
    );
    // Housekeeping only: a claim left 'claimed' keeps its number taken just as well.
    await ctx.exactlyOnce.markDone(key(n), { dossierId: dossier.id }).catch(() => undefined);
    return { dossier };
  }
  throw new DomainError('conflict', msg.numberUnavailable);
}
