/**
 * R7, R8, R9: a partner member warns the landlord about a trajectory. The rule decides on which basis
 * it may pass: the tenant's consent, or (R9) 'safety-without-consent' for a safety signal, which is
 * never blocked and is audited with basis 'safety'. Without consent any other signal is refused with
 * the Dutch reason and nothing is written. The signal and its audit entry commit in one transaction;
 * the landlord is told at once, a safety signal through `safetyAlert` (R9).
 *
 * `signalId` is an optional idempotency key from the adapter (e.g. the Teams form's id): a repeat
 * with the same key answers the stored signal and writes nothing, but tells the notifier again: when
 * the first telling failed (or never happened: a crash after the commit), the retry delivers it. The
 * notifier's deliveries are keyed per signal, so one that did arrive is not shown twice.
 */
import { authorize } from '../rules/access';
import { DomainError, isDomainError } from '../rules/errors';
import { decideSignal, SIGNAL_CATEGORIES } from '../rules/information';
import type { Signal, SignalCategory } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import { actorOf, notify, todayOf, type ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import { optionalId, requireInput, requireOneOf, requireText } from './validate';

export interface RaiseSignalInput {
  dossierId: string;
  category: SignalCategory;
  /** Free text: stored with the signal, never audited, never logged. */
  description: string;
  signalId?: string;
}

export interface RaiseSignalResult {
  signal: Signal;
  /** False for a repeat of the same signalId: nothing was written. */
  changed: boolean;
  /** Whether the notifier accepted the message (false: stored, but the alert must be retried). */
  notified: boolean;
}

const sameSignal = (a: Signal, b: Omit<Signal, 'raisedAt' | 'basis'>): boolean =>
  a.dossierId === b.dossierId && a.category === b.category && a.description === b.description && a.raisedBy === b.raisedBy;

export async function raiseSignal(ctx: ServiceContext, input: RaiseSignalInput): Promise<RaiseSignalResult> {
  requireInput(input);
  const dossier = await loadAuthorized(ctx, input.dossierId, 'signal.raise');
  const category = requireOneOf(input.category, SIGNAL_CATEGORIES, 'category');
  const description = requireText(input.description, 'description', 'signalDescription');
  const key = optionalId(input.signalId, 'signalId');
  const today = todayOf(ctx);
  const draft = { id: key ?? ctx.ids(), dossierId: dossier.id, partnerId: ctx.user.partnerId as string, category, description, raisedBy: actorOf(ctx) };

  const repeatOf = async (): Promise<Signal | undefined> => {
    if (!key) return undefined;
    const existing = await ctx.ports.signals.get(dossier.id, key);
    if (existing && !sameSignal(existing, draft)) throw new DomainError('validation', msg.signalIdTaken, { fields: ['signalId'] });
    return existing;
  };
  const earlier = await repeatOf();
  if (earlier) return { signal: earlier, changed: false, notified: await tell(ctx, earlier) };

  let signal: Signal;
  try {
    signal = await ctx.ports.unitOfWork.inDossier(dossier.id, (w) => {
      authorize(ctx.user, 'signal.raise', w.dossier);
      const decision = decideSignal(w.dossier, category, today); // R7/R8/R9 on the fresh dossier (consent may just have changed)
      const s: Signal = { ...draft, raisedAt: ctx.now, basis: decision.basis };
      w.addSignal(s);
      w.appendAudit(
        auditEntry(ctx, 'signal.raise', {
          dossierId: dossier.id,
          partnerId: s.partnerId,
          basis: decision.basis === 'consent' ? 'consent' : 'safety',
          details: { signalId: s.id, category, urgent: decision.urgent, withoutConsent: decision.basis === 'safety-without-consent' },
        }),
      );
      return s;
    });
  } catch (err) {
    // Two deliveries of the same key at once: the loser finds the winner's signal.
    const winner = isDomainError(err) && err.code === 'conflict' ? await repeatOf() : undefined;
    if (winner) return { signal: winner, changed: false, notified: await tell(ctx, winner) };
    throw err;
  }

  const notified = await tell(ctx, signal);
  return { signal, changed: true, notified };
}

/** R8/R9: the landlord is told of a stored signal, a safety signal through `safetyAlert`. */
function tell(ctx: ServiceContext, signal: Signal): Promise<boolean> {
  const event = {
    landlordId: ctx.ports.landlordId,
    at: signal.raisedAt,
    actor: signal.raisedBy,
    dossierId: signal.dossierId,
    signalId: signal.id,
    partnerId: signal.partnerId,
    category: signal.category,
    basis: signal.basis,
    urgent: signal.category === 'safety',
  };
  return signal.category === 'safety' ? notify(ctx, 'safetyAlert', (n) => n.safetyAlert(event)) : notify(ctx, 'signalRaised', (n) => n.signalRaised(event));
}
