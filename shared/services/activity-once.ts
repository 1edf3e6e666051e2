/**
 * An incoming Teams activity is handled once: its id is claimed before any handler, so a redelivery
 * of the same activity does nothing again; a failed one may be retried by the next redelivery, and a
 * claim whose holder crashed is taken over after the lease.
 */
import type { Instant } from '../rules/types';
import type { ExactlyOnce } from './ports';

/** How long a claimed activity counts as in progress; after that a redelivery may handle it. */
export const ACTIVITY_LEASE_MS = 2 * 60_000;

export interface ActivityOnce {
  /** true for the first delivery of `key`, false for a redelivery (or one still in progress). */
  claim(key: string, now: Instant): Promise<boolean>;
  done(key: string): Promise<void>;
  /** `code`: an error name, never personal data. */
  failed(key: string, code: string): Promise<void>;
}

export function activityOnce(once: ExactlyOnce): ActivityOnce {
  return {
    claim: (key, now) => once.claim(key, { now, leaseMs: ACTIVITY_LEASE_MS, reclaimFailed: true }),
    done: (key) => once.markDone(key),
    failed: (key, code) => once.markFailed(key, code),
  };
}
