/**
 * A world for the jobs' tests: the fictional demo landlord seeded on the run's Azurite (tables of its
 * own), a file outbox and inbox in a temporary folder, a recording Teams publisher, counting
 * wrappers to see every real send, and a way to act out a crash: after the N-th send the "process"
 * dies, and nothing it does afterwards reaches storage, mail or Teams.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { demoData } from '../../../shared/demo/demo-data';
import type { JobDeps } from '../../../shared/jobs/context';
import type { MailboxReader, MailSender, MeetingProvider, TeamsPublisher } from '../../../shared/jobs/ports';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../../../shared/jobs/settings';
import { RecordingTeamsPublisher } from '../../../shared/jobs/teams-publishers';
import { FileInbox } from '../../../shared/mail/inbox';
import { LocalMeetingProvider } from '../../../shared/mail/local-meetings';
import { FileOutbox } from '../../../shared/mail/outbox';
import { writeMime } from '../../../shared/mail/mime';
import type { Instant, LandlordConfig, User } from '../../../shared/rules/types';
import { createServiceContext, type ServiceContext } from '../../../shared/services/context';
import type { ExactlyOnce, LandlordPorts } from '../../../shared/services/ports';
import { seedDemo } from '../../../shared/services/seed-demo';
import type { Store } from '../../../shared/store';
import { createTestStore } from '../../setup/test-store';

export const SEED_DAY = '2026-11-01';
export const DEMO = demoData(SEED_DAY);
export const LANDLORD = DEMO.landlord;
export const MAILBOX = LANDLORD.mailbox;
export const user = (n: number): User => DEMO.users[n] as User;
export const coordinator = user(0);
export const deVaartMember = user(1);
export const woonkrachtMember = user(2);

/** Brussels local time → Instant with offset. */
export const at = (local: string): Instant => DateTime.fromISO(local, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: true }) as string;

/** Every hour from `from` (inclusive) to `to` (exclusive), Brussels local times. */
export function hours(from: string, to: string): Instant[] {
  const out: Instant[] = [];
  const end = DateTime.fromISO(to, { zone: 'Europe/Brussels' });
  for (let t = DateTime.fromISO(from, { zone: 'Europe/Brussels' }); t < end; t = t.plus({ hours: 1 })) out.push(t.toISO({ suppressMilliseconds: true }) as string);
  return out;
}

export class CrashError extends Error {
  constructor() {
    super('the process died');
    this.name = 'CrashError';
  }
}

/** `target` whose every method first calls `alive()` (which throws once the process is dead). */
export function guarded<T extends object>(target: T, alive: () => void): T {
  return new Proxy(target, {
    get: (t, p, r) => {
      const v = Reflect.get(t, p, r) as unknown;
      return typeof v === 'function' ? (...args: unknown[]) => (alive(), (v as (...a: unknown[]) => unknown).apply(t, args)) : v;
    },
  });
}

/** One "process": its own adapters around the shared store and folders; `dead` after a crash. */
export interface Instance {
  deps: JobDeps;
  sends: string[];
  meetings: string[];
  teams: RecordingTeamsPublisher;
  dead: boolean;
}

export interface JobsWorld {
  store: Store;
  ports: LandlordPorts;
  landlord: LandlordConfig;
  dir: string;
  outbox: FileOutbox;
  inboxDir: string;
  /** A new instance on the world's store; `crashAfterSends`: die right after that many sends. */
  instance(options?: { crashAfterSends?: number; settings?: Partial<JobSettings> }): Instance;
  ctx(who: User, now: Instant): ServiceContext;
  /** Drops a reply into the local inbox. */
  reply(file: string, mail: { from: string; subject: string; text: string; date: Instant; messageId?: string; headers?: [string, string][] }): void;
}

export async function createJobsWorld(): Promise<JobsWorld> {
  const store = await createTestStore();
  await seedDemo(store, SEED_DAY);
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-jobs-'));
  const outbox = new FileOutbox(path.join(dir, 'outbox'));
  const inboxDir = path.join(dir, 'inbox');
  mkdirSync(inboxDir, { recursive: true });
  const inbox = new FileInbox(inboxDir);

  const instance: JobsWorld['instance'] = (options = {}) => {
    const self: Instance = { deps: undefined as unknown as JobDeps, sends: [], meetings: [], teams: new RecordingTeamsPublisher(), dead: false };
    const alive = () => {
      if (self.dead) throw new CrashError();
    };
    const mail: MailSender = {
      send: async (m) => {
        alive();
        const sent = await outbox.send(m);
        self.sends.push(m.key);
        if (options.crashAfterSends !== undefined && self.sends.length >= options.crashAfterSends) {
          self.dead = true; // sent, but the process dies before it can record that
          throw new CrashError();
        }
        return sent;
      },
      findSent: async (mailbox, key) => (alive(), outbox.findSent(mailbox, key)),
    };
    const local = new LocalMeetingProvider();
    const meetings: MeetingProvider = {
      ensureMeeting: async (r) => {
        alive();
        self.meetings.push(r.externalId);
        return local.ensureMeeting(r);
      },
    };
    const mailbox: MailboxReader = { listSince: async (...args) => (alive(), inbox.listSince(...args)) };
    const teams: TeamsPublisher = guarded(self.teams, alive);
    const exactlyOnce: ExactlyOnce = guarded(store.exactlyOnce, alive);
    self.deps = {
      store: { landlords: store.landlords, users: store.users, forLandlord: store.forLandlord, exactlyOnce },
      mail,
      meetings,
      mailbox,
      teams,
      settings: { ...DEFAULT_JOB_SETTINGS, ...options.settings },
    };
    return self;
  };

  return {
    store,
    ports: store.forLandlord(LANDLORD.id),
    landlord: LANDLORD,
    dir,
    outbox,
    inboxDir,
    instance,
    ctx: (who, now) => createServiceContext({ store, landlord: LANDLORD, user: who, now }),
    reply: (file, m) => {
      const eml = writeMime({
        from: { address: m.from },
        to: [MAILBOX],
        subject: m.subject,
        date: m.date,
        messageId: m.messageId ?? `<${file}@partner.example>`,
        headers: m.headers ?? [],
        text: m.text,
        html: `<p>${m.text}</p>`,
      });
      writeFileSync(path.join(inboxDir, `${file}.eml`), eml);
    },
  };
}

/** How many times each value occurs. */
export function counts(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
