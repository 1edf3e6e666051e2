/**
 * R15: withdraws a flag until the flag deadline. [product] A flag the landlord set can only be
 * withdrawn by the landlord. Withdrawing again answers the first withdrawal and writes nothing.
 */
import { decideWithdrawFlag } from '../rules/flags';
import type { Flag, YearMonth } from '../rules/types';
import { actorOf, notify, type ServiceContext } from './context';
import { auditFlagChange, ensureFlagChangeAudited } from './flag-audit';
import { loadAuthorized } from './dossier-access';
import { isLandlordRole } from './roles';
import { optionalId, requireInput, requireMonth } from './validate';

export interface WithdrawFlagInput {
  dossierId: string;
  month: YearMonth;
  /** Landlord only: whose consultation (default: the supporting partner). */
  partnerId?: string;
}

export interface WithdrawFlagResult {
  flag: Flag;
  outcome: 'withdrawn' | 'already-withdrawn';
}

export async function withdrawFlag(ctx: ServiceContext, input: WithdrawFlagInput): Promise<WithdrawFlagResult> {
  requireInput(input);
  const dossier = await loadAuthorized(ctx, input.dossierId, 'flag.withdraw');
  const month = requireMonth(input.month);
  const landlord = isLandlordRole(ctx.user);
  const partnerId = landlord ? (optionalId(input.partnerId, 'partnerId') ?? dossier.supportingPartnerId) : (ctx.user.partnerId as string);

  const decision = await ctx.ports.unitOfWork.inConsultation(partnerId, month, (w) => {
    const d = decideWithdrawFlag(
      { dossier, partnerId, month, withdrawnBy: landlord ? 'landlord' : 'partner', now: ctx.now, existingFlags: w.flags },
      ctx.calendar,
    );
    if (d.outcome === 'withdrawn') w.putFlag(d.flag);
    return d;
  });
  const withdrawnAt = decision.flag.withdrawnAt ?? ctx.now;
  if (decision.outcome === 'already-withdrawn') {
    await ensureFlagChangeAudited(ctx, 'flag.withdraw', decision.flag, withdrawnAt, actorOf(ctx), { month });
  } else {
    await auditFlagChange(ctx, 'flag.withdraw', decision.flag, withdrawnAt, actorOf(ctx), { month });
    await notify(ctx, 'flagChanged', (n) =>
      n.flagChanged({
        landlordId: ctx.ports.landlordId,
        at: ctx.now,
        actor: actorOf(ctx),
        partnerId,
        month,
        dossierId: dossier.id,
        change: 'withdrawn',
      }),
    );
  }
  return { flag: decision.flag, outcome: decision.outcome };
}
