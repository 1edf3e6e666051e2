/**
 * The flags of one dossier for consultations not yet held, changed by the product rather than by a
 * person: they follow the dossier to the organisation that took it over (R6), or are withdrawn when
 * the tenant withdraws consent (R7). A flag lives with its consultation (partner + month), so each
 * consultation is its own transaction; every step is idempotent, so repeating the use case (the
 * user's retry, or the repeat of an acceptance) completes an interrupted run and changes nothing else.
 * Each change is audited with ids only, and the partner's agenda cards are refreshed (flagChanged).
 */
import { FLAG_MONTHS_AHEAD, activeFlagOf } from '../rules/flags';
import { flagWithdrawnOnConsentWithdrawal } from '../rules/information';
import { flagFollowingTransfer, monthsNotYetHeld } from '../rules/transfer';
import type { Dossier, Flag, YearMonth } from '../rules/types';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';

async function flagsOfDossier(ctx: ServiceContext, partnerId: string, dossierId: string): Promise<Flag[]> {
  const months = monthsNotYetHeld(ctx.now, todayOf(ctx), FLAG_MONTHS_AHEAD, ctx.calendar);
  const all = await Promise.all(months.map((m) => ctx.ports.consultations.getWithFlags(partnerId, m)));
  return all.flatMap((c) => c.flags).filter((f) => f.dossierId === dossierId && !f.withdrawnAt);
}

const refreshAgenda = (ctx: ServiceContext, partnerId: string, month: YearMonth, dossierId: string, change: 'flagged' | 'withdrawn') =>
  notify(ctx, 'flagChanged', (n) =>
    n.flagChanged({ landlordId: ctx.ports.landlordId, at: ctx.now, actor: actorOf(ctx), partnerId, month, dossierId, change }),
  );

/**
 * R6: the active flags of every organisation that handed this dossier over follow it to the one that
 * holds it now (the new flag first, then the old one withdrawn: a crash in between leaves both, and the
 * repeat finishes). Answers the months that got a flag.
 */
export async function moveFlagsWithDossier(ctx: ServiceContext, dossier: Dossier, fromPartnerIds: readonly string[]): Promise<YearMonth[]> {
  const today = todayOf(ctx);
  const months: YearMonth[] = [];
  for (const from of fromPartnerIds) {
    for (const flag of await flagsOfDossier(ctx, from, dossier.id)) {
      const move = flagFollowingTransfer(flag, dossier, ctx.now, today, ctx.calendar);
      if (!move) continue;
      const { moved, ended } = move;
      await ctx.ports.unitOfWork.inConsultation(moved.partnerId, moved.month, (w) => {
        if (!activeFlagOf(w.flags, moved.dossierId, moved.partnerId, moved.month)) w.putFlag(moved);
      });
      const changed = await ctx.ports.unitOfWork.inConsultation(ended.partnerId, ended.month, (w) => {
        if (!activeFlagOf(w.flags, ended.dossierId, ended.partnerId, ended.month)) return false;
        w.putFlag(ended);
        return true;
      });
      if (!changed) continue;
      await ctx.ports.audit.append(
        auditEntry(ctx, 'flag.transfer', {
          dossierId: dossier.id,
          partnerId: moved.partnerId,
          basis: 'role',
          details: { month: moved.month, fromPartnerId: ended.partnerId, toPartnerId: moved.partnerId },
        }),
      );
      await refreshAgenda(ctx, ended.partnerId, ended.month, dossier.id, 'withdrawn');
      await refreshAgenda(ctx, moved.partnerId, moved.month, dossier.id, 'flagged');
      months.push(moved.month);
    }
  }
  return months;
}

/**
 * R7: consent was withdrawn: every active flag of the dossier for a consultation not yet held is
 * withdrawn (at every organisation that sees it), and who set it gets a notice.
 */
export async function withdrawFlagsWithoutConsent(ctx: ServiceContext, dossier: Dossier): Promise<Flag[]> {
  const today = todayOf(ctx);
  const partners = [...new Set([dossier.supportingPartnerId, dossier.registeringPartnerId])].filter((p) => !dossier.formerPartnerIds.includes(p));
  const withdrawn: Flag[] = [];
  for (const partnerId of partners) {
    for (const flag of await flagsOfDossier(ctx, partnerId, dossier.id)) {
      const done = await ctx.ports.unitOfWork.inConsultation(flag.partnerId, flag.month, (w) => {
        const active = activeFlagOf(w.flags, flag.dossierId, flag.partnerId, flag.month);
        const next = active && flagWithdrawnOnConsentWithdrawal(active, dossier.id, ctx.now, today, ctx.calendar);
        if (next) w.putFlag(next);
        return next;
      });
      if (!done) continue;
      await ctx.ports.audit.append(
        auditEntry(ctx, 'flag.withdraw', { dossierId: dossier.id, partnerId, basis: 'role', details: { month: done.month, because: 'consent-withdrawn' } }),
      );
      await refreshAgenda(ctx, partnerId, done.month, dossier.id, 'withdrawn');
      await notify(ctx, 'flagWithdrawnForConsent', (n) =>
        n.flagWithdrawnForConsent({
          landlordId: ctx.ports.landlordId,
          at: ctx.now,
          actor: actorOf(ctx),
          dossierId: dossier.id,
          partnerId,
          month: done.month,
          flaggedBy: done.flaggedBy,
        }),
      );
      withdrawn.push(done);
    }
  }
  return withdrawn;
}
