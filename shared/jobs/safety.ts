/**
 * R9: a safety signal reaches the landlord's Teams channel AND its mailbox within seconds, whatever
 * the time of day. The Teams alert is the bot's; the mail is this file's, as an effect of the jobs
 * (exactly once, its key `mail|safety|<landlord>|<dossier>|<signal>` claimed before it is sent):
 *  - at once: `withSafetyMail` wraps the server's notifier and sends the mail in the background the
 *    moment the signal is raised (the user does not wait for Graph);
 *  - as a safety net: the `safety` job, first in every run (each 15 minutes), mails every safety signal
 *    of the last SAFETY_LOOKBACK_DAYS whose mail has not gone (Graph down, a crash, a restart).
 * A mail that keeps failing alerts the coordinator in Teams like any job effect (effects.ts).
 */
import { renderSafetyAlert } from '../mail/render-safety-alert';
import { NOTIFIER_METHODS, type Notifier, type SignalEvent } from '../services/notifier';
import type { Instant, Signal } from '../rules/types';
import { landlordRun, type JobDeps, type JobLogger, type LandlordRun } from './context';
import { errorCode, sendMailOnce } from './effects';
import { jobKeys } from './keys';

/** How far back a run looks for a safety signal whose mail has not gone yet. */
export const SAFETY_LOOKBACK_DAYS = 7;

const isSafety = (s: Signal) => s.category === 'safety';

/** The mail of one safety signal, to the landlord's own mailbox. */
async function mailSignal(run: LandlordRun, signal: Signal) {
  const dossier = await run.ports.dossiers.get(signal.dossierId);
  const number = dossier?.number ?? '';
  return sendMailOnce(run, {
    job: 'safety',
    effect: 'safety-mail',
    key: jobKeys.safetyMail(run.landlord.id, signal.dossierId, signal.id),
    partnerId: signal.partnerId,
    ...(number && { dossierNumber: number }),
    compose: async () => {
      const partner = (await run.partners()).find((p) => p.id === signal.partnerId);
      return {
        to: [run.from.address],
        mail: renderSafetyAlert({ landlord: run.landlord, partner: { name: partner?.name ?? signal.partnerId }, dossierNumber: number, raisedAt: signal.raisedAt, basis: signal.basis }),
      };
    },
  });
}

export async function safetyJob(run: LandlordRun): Promise<void> {
  const since = new Date(Date.parse(run.now) - SAFETY_LOOKBACK_DAYS * 86_400_000).toISOString();
  for (const partner of await run.partners()) {
    for (const signal of (await run.ports.signals.listByPartner(partner.id, { since })).filter(isSafety)) {
      await mailSignal(run, signal);
    }
  }
}

/** Mails one raised safety signal now (the notifier's immediate path). */
export async function mailSafetySignal(deps: JobDeps, event: SignalEvent, now: Instant): Promise<void> {
  const landlord = await deps.store.landlords.get(event.landlordId);
  if (!landlord) return;
  const run = landlordRun(deps, landlord, now, { at: now, entries: [], errors: [] });
  const signal = await run.ports.signals.get(event.dossierId, event.signalId);
  if (signal && isSafety(signal)) await mailSignal(run, signal);
}

export interface SafetyMailNotifier extends Notifier {
  /** Waits for the mails under way (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * `inner` (the bot's Teams notifier) with the R9 mail next to its safety alert. The mail goes in the
 * background; its failure is logged and left to the next jobs run. A failure of the Teams alert is
 * still the caller's to know (the signal service reports it).
 */
export function withSafetyMail(inner: Notifier, deps: () => JobDeps, options: { clock: () => Date; log?: JobLogger }): SafetyMailNotifier {
  const pending = new Set<Promise<void>>();
  const mailInBackground = (event: SignalEvent) => {
    const sending: Promise<void> = mailSafetySignal(deps(), event, options.clock().toISOString())
      .catch((err: unknown) => options.log?.warn({ signalId: event.signalId, code: errorCode(err) }, 'safety mail not sent now: the next jobs run retries'))
      .finally(() => pending.delete(sending));
    pending.add(sending);
  };
  const delegated = Object.fromEntries(NOTIFIER_METHODS.map((m) => [m, (event: never) => inner[m](event)])) as unknown as Notifier;
  return {
    ...delegated,
    safetyAlert: async (event) => {
      mailInBackground(event);
      await inner.safetyAlert(event);
    },
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
