/**
 * R15, R13b: flags a dossier for discussion at a partner's monthly consultation, with a short
 * statement of the problem. A partner member flags for its own organisation's consultation; the
 * landlord flags for the consultation of a partner that sees the dossier (by default the supporting
 * one). The flag is written through `inConsultation`, so partners flagging different dossiers at the
 * same moment lose nothing; the rule's refusals (deadline passed, with the next consultation's date;
 * closed dossier; problem statement) pass through unchanged. A second flag of the same dossier for
 * the same month answers the first one and writes nothing.
 */
import { decideFlag, flagMonthAt } from '../rules/flags';
import type { Flag, YearMonth } from '../rules/types';
import { actorOf, notify, type ServiceContext } from './context';
import { auditFlagChange, ensureFlagChangeAudited } from './flag-audit';
import { loadAuthorized } from './dossier-access';
import { isLandlordRole } from './roles';
import { optionalId, optionalMonth, requireInput, requireOneOf } from './validate';

export interface FlagDossierInput {
  dossierId: string;
  /** R13b: a short statement of the concrete problem (stored with the flag, never audited). */
  problem: string;
  /** Default: the next consultation whose flag deadline has not passed. */
  month?: YearMonth;
  /** Landlord only: whose consultation (default: the supporting partner). A member always flags for their own. */
  partnerId?: string;
  /** Where a partner's flag came from (default 'teams'); the landlord's flags are 'landlord'. */
  source?: 'teams' | 'outlook' | 'email';
}

export interface FlagDossierResult {
  flag: Flag;
  outcome: 'created' | 'already-flagged';
}

const PARTNER_SOURCES = ['teams', 'outlook', 'email'] as const;

export async function flagDossier(ctx: ServiceContext, input: FlagDossierInput): Promise<FlagDossierResult> {
  requireInput(input);
  const dossier = await loadAuthorized(ctx, input.dossierId, 'flag.create');
  const month = optionalMonth(input.month);
  const landlord = isLandlordRole(ctx.user);
  const partnerId = landlord ? (optionalId(input.partnerId, 'partnerId') ?? dossier.supportingPartnerId) : (ctx.user.partnerId as string);
  const source: Flag['source'] = landlord ? 'landlord' : requireOneOf(input.source ?? 'teams', PARTNER_SOURCES, 'source');
  const flaggedBy = actorOf(ctx);

  const flagMonth = month ?? flagMonthAt(ctx.now, ctx.calendar);
  const decision = await ctx.ports.unitOfWork.inConsultation(partnerId, flagMonth, (w) => {
    const d = decideFlag(
      { dossier, partnerId, month: flagMonth, problem: input.problem, flaggedBy, source, now: ctx.now, existingFlags: w.flags },
      ctx.calendar,
    );
    if (d.outcome === 'created') w.putFlag(d.flag);
    return d;
  });
  const { flag } = decision;
  const details = { month: flag.month, source: flag.source };
  if (decision.outcome === 'already-flagged') {
    await ensureFlagChangeAudited(ctx, 'flag.create', flag, flag.flaggedAt, flag.flaggedBy, details);
  } else {
    await auditFlagChange(ctx, 'flag.create', flag, flag.flaggedAt, flag.flaggedBy, details);
    await notify(ctx, 'flagChanged', (n) =>
      n.flagChanged({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: flaggedBy,
        partnerId,
        month: decision.flag.month,
        dossierId: dossier.id,
        change: 'flagged',
      }),
    );
  }
  return { flag: decision.flag, outcome: decision.outcome };
}
