/**
 * The protocol calendar's jobs on a given store, for the benchmark and the fault tests: a file outbox
 * and inbox in a folder, local meetings, a recording Teams publisher (Teams sends are not what is
 * measured), and every mail send recorded by key, so "exactly once" can be counted afterwards.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { JobDeps } from '../../shared/jobs/context';
import type { MailSender } from '../../shared/jobs/ports';
import { DEFAULT_JOB_SETTINGS } from '../../shared/jobs/settings';
import { RecordingTeamsPublisher } from '../../shared/jobs/teams-publishers';
import { FileInbox } from '../../shared/mail/inbox';
import { LocalMeetingProvider } from '../../shared/mail/local-meetings';
import { FileOutbox } from '../../shared/mail/outbox';
import type { Store } from '../../shared/store';

export interface JobsRig {
  deps: JobDeps;
  /** The key of every mail actually sent, in order. */
  sends: string[];
  teams: RecordingTeamsPublisher;
}

/** `afterSend` runs after each real send (a fault test stops storage there). */
export function jobsRig(store: Store, dir: string, options: { afterSend?: (count: number) => Promise<void> } = {}): JobsRig {
  const outbox = new FileOutbox(path.join(dir, 'outbox'));
  const inboxDir = path.join(dir, 'inbox');
  mkdirSync(inboxDir, { recursive: true });
  const sends: string[] = [];
  const mail: MailSender = {
    send: async (m) => {
      const sent = await outbox.send(m);
      sends.push(m.key);
      await options.afterSend?.(sends.length);
      return sent;
    },
    findSent: (mailbox, key) => outbox.findSent(mailbox, key),
  };
  const teams = new RecordingTeamsPublisher();
  const deps: JobDeps = {
    store: { landlords: store.landlords, users: store.users, forLandlord: store.forLandlord, exactlyOnce: store.exactlyOnce },
    mail,
    meetings: new LocalMeetingProvider(),
    mailbox: new FileInbox(inboxDir),
    teams,
    settings: { ...DEFAULT_JOB_SETTINGS },
  };
  return { deps, sends, teams };
}

/** How many times each value occurs. */
export function counts(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
