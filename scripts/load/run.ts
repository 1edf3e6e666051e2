/**
 * The load run: N partner users (default 200; four colleagues per organisation of the benchmark's 50)
 * flag and withdraw flags through the add-in API of the real server, and confirm the conclusions of
 * their partner's past consultations (R16) with the Teams card's button on the same server's
 * /api/messages, for a while; then everything is counted in storage. Each user flags dossiers of its
 * own (a disjoint share of its organisation's), so the expected flags are known exactly, while the
 * colleagues still contend for the same consultation record (one partition per partner and month) as
 * they would in real life; for confirming, colleagues click the very same consultations.
 *
 * Checked afterwards: no 5xx from either endpoint; every dossier's flag is active exactly when the
 * user's last confirmed action was a flag; the audit holds one flag.create per 201 and one
 * flag.withdraw per "withdrawn" (nothing lost, nothing twice); every clicked consultation is
 * confirmed once, by the one user who was told so, with one conclusions.confirm audit entry
 * (scripts/load/confirm.ts).
 */
import { brusselsDate } from '../../shared/rules/calendar';
import type { User, YearMonth } from '../../shared/rules/types';
import type { Store } from '../../shared/store';
import { startServiceUrl } from '../bench/bot-turns';
import { percentile, round } from '../bench/stats';
import { startApi } from '../bench/server';
import { benchUsers, LANDLORD, PARTNERS, partnerId, seedDirectory, seedDossiers } from '../bench/world';
import { ClickLog, clickConfirm, confirmMonths, countConfirmations, seedAwaitingConfirmation, type ConfirmCounts } from './confirm';

/** How many of its dossiers one user keeps flagging and withdrawing. */
const WORKING_SET = 4;
/** Every CONFIRM_EVERY-th request of a user is a confirm click (R16); the others flag or withdraw. */
const CONFIRM_EVERY = 4;

export interface LoadOptions {
  store: Store;
  users: number;
  seconds: number;
  /** Dossiers in total (default 20 per partner). */
  dossiers?: number;
  /** Organisations the users are spread over (default all 50): fewer gives more colleagues each. */
  partners?: number;
  today: string;
  say?: (line: string) => void;
}

export interface LoadResult extends ConfirmCounts {
  users: number;
  seconds: number;
  /** Add-in API requests (flag and withdraw); rps and p50/p95/p99 are theirs. */
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** `POST 201`, `DELETE 200`, ... for the add-in API; `BOT 200` for /api/messages. */
  byStatus: Record<string, number>;
  /** 5xx from either endpoint. */
  serverErrors: number;
  /** Dossiers whose stored flag state differs from the last confirmed action. */
  lost: number;
  /** Audit entries more than confirmed actions (a duplicate). */
  duplicated: number;
  /** Confirmed actions without their audit entry. */
  missingAudit: number;
  activeFlags: number;
  /** R16: confirm invokes sent to /api/messages, timed until the answer card came back. */
  confirmClicks: number;
  botP50Ms: number;
  botP95Ms: number;
  /** What the answer cards said: confirmed (first time for that user), repeated (the same user again:
   * idempotent), alreadyConfirmed (a colleague was first: the Dutch refusal), other (anything else). */
  confirmAnswers: ClickLog['answers'];
  /** Consultations seeded awaiting confirmation (one month per partner is never clicked). */
  seededConsultations: number;
}

/** Users round the first `partners` organisations (four colleagues each for 200 over 50): object ids ...0002-<partner><n>. */
export function loadUsers(count: number, partners = PARTNERS): User[] {
  const base = benchUsers().filter((u) => u.role === 'partner-member');
  return Array.from({ length: count }, (_, i) => {
    const p = i % partners;
    const n = Math.floor(i / partners);
    const template = base[p] as User;
    return { ...template, objectId: `00000000-0000-0000-0002-${String(p).padStart(4, '0')}${String(n).padStart(8, '0')}`, displayName: `Collega ${n + 1} van ${partnerId(p)}` };
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const say = options.say ?? (() => undefined);
  const { store } = options;
  const partnerCount = Math.min(PARTNERS, Math.max(1, options.partners ?? PARTNERS));
  await seedDirectory(store);
  const users = loadUsers(options.users, partnerCount);
  await Promise.all(users.map((u) => store.users.create(u)));
  await seedDossiers(store, 0, options.dossiers ?? PARTNERS * 20, options.today);
  const ports = store.forLandlord(LANDLORD.id);
  const partners = [...new Set(users.map((u) => u.partnerId as string))];
  const dossiersOf = new Map(await Promise.all(partners.map(async (p) => [p, (await ports.dossiers.listForPartner(p)).map((d) => d.id).sort()] as const)));

  // R16: conclusions awaiting confirmation for the users' partners, past months only.
  const { clicked: clickMonths, untouched } = confirmMonths(options.today.slice(0, 7));
  const confirmable = partners.filter((p) => (dossiersOf.get(p) ?? []).length > 0);
  await seedAwaitingConfirmation(store, confirmable.map((p) => ({ partnerId: p, dossierId: (dossiersOf.get(p) ?? [])[0] as string })), [...clickMonths, untouched]);
  const seeded = confirmable.flatMap((p) => [...clickMonths, untouched].map((month) => ({ partnerId: p, month })));

  const api = await startApi({ store, withBot: true });
  const serviceUrl = await startServiceUrl();
  try {
    const tokens = await Promise.all(users.map((u) => api.token(u)));
    const me = (await (await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${tokens[0]}` } })).json()) as { nextConsultation: { month: string } };
    const month = me.nextConsultation.month;

    // Each user its own share of its partner's dossiers.
    const share = new Map<number, string[]>();
    for (const p of partners) {
      const colleagues = users.map((u, i) => [u, i] as const).filter(([u]) => u.partnerId === p);
      const ids = dossiersOf.get(p) ?? [];
      colleagues.forEach(([, i], k) => share.set(i, ids.filter((_id, j) => j % colleagues.length === k)));
    }

    const latencies: number[] = [];
    const botLatencies: number[] = [];
    const statuses = new Map<string, number>();
    const expectedActive = new Map<string, boolean>(); // partner|dossier -> active after the last confirmed action
    const created = new Map<string, number>();
    const withdrawn = new Map<string, number>();
    const clicks = new ClickLog();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    const startMonth = brusselsDate(new Date().toISOString()).slice(0, 7);
    const until = Date.now() + options.seconds * 1000;
    say(`load: ${users.length} users over ${partners.length} partners flagging and withdrawing (month ${month}) and confirming conclusions (${clickMonths.at(-1)} to ${clickMonths[0]}) for ${options.seconds} s`);

    await Promise.all(
      users.map(async (user, i) => {
        const mine = share.get(i) ?? [];
        const partner = user.partnerId as string;
        const canConfirm = confirmable.includes(partner);
        if (mine.length === 0 && !canConfirm) return;
        const auth = { authorization: `Bearer ${tokens[i]}` };
        let flagTurn = 0;
        let clickTurn = 0;
        for (let n = 0; Date.now() < until; n++) {
          if (canConfirm && (mine.length === 0 || n % CONFIRM_EVERY === CONFIRM_EVERY - 1)) {
            // The colleagues' k-th clicks go to the same month at about the same moment: they contend.
            // Each month is clicked twice in a row (a second click to be sure): the winner's repeat is idempotent.
            const clickMonth = clickMonths[Math.floor(clickTurn++ / 2) % clickMonths.length] as YearMonth;
            const started = performance.now();
            const { status, answer } = await clickConfirm(api.url, serviceUrl.url, user, partner, clickMonth);
            botLatencies.push(performance.now() - started);
            bump(statuses, `BOT ${status}`);
            clicks.record(partner, clickMonth, user.objectId, answer);
            continue;
          }
          // A small working set, so flags and withdrawals alternate on the same dossiers.
          const dossierId = mine[flagTurn++ % Math.min(mine.length, WORKING_SET)] as string;
          const key = `${partner}|${dossierId}`;
          const flagged = expectedActive.get(key) === true;
          const started = performance.now();
          const response = flagged
            ? await fetch(`${api.url}/api/flags/${partner}/${month}/${encodeURIComponent(dossierId)}`, { method: 'DELETE', headers: auth })
            : await fetch(`${api.url}/api/flags`, {
                method: 'POST',
                headers: { ...auth, 'content-type': 'application/json' },
                body: JSON.stringify({ partnerId: partner, month, dossierId, problem: `Belasting ${n}: huur niet betaald` }),
              });
          const body = (await response.json().catch(() => ({}))) as { outcome?: string };
          latencies.push(performance.now() - started);
          bump(statuses, `${flagged ? 'DELETE' : 'POST'} ${response.status}`);
          if (response.status >= 300) continue; // not confirmed: the state is what it was
          if (flagged) {
            expectedActive.set(key, false);
            if (body.outcome === 'withdrawn') bump(withdrawn, key);
          } else {
            expectedActive.set(key, true);
            if (response.status === 201) bump(created, key);
          }
        }
      }),
    );
    const endMonth = brusselsDate(new Date().toISOString()).slice(0, 7);

    // Counted in storage.
    let lost = 0;
    let duplicated = 0;
    let missingAudit = 0;
    let activeFlags = 0;
    const flagsOf = new Map<string, boolean>();
    for (const p of partners) {
      const flags = await ports.flags.list(p, month, { includeWithdrawn: true });
      for (const f of flags) {
        const k = `${p}|${f.dossierId}`;
        if (flagsOf.has(k)) duplicated++;
        flagsOf.set(k, f.withdrawnAt === undefined);
      }
    }
    for (const [k, active] of expectedActive) {
      if ((flagsOf.get(k) ?? false) !== active) lost++;
      if (active) activeFlags++;
    }
    const touched = [...new Set([...created.keys(), ...withdrawn.keys()])];
    await Promise.all(
      touched.map(async (k) => {
        const dossierId = k.split('|')[1] as string;
        const audit = await ports.audit.listByDossier(dossierId);
        for (const [action, confirmed] of [['flag.create', created.get(k) ?? 0], ['flag.withdraw', withdrawn.get(k) ?? 0]] as const) {
          const stored = audit.filter((e) => e.action === action && (e.details as { month?: string } | undefined)?.month === month).length;
          if (stored > confirmed) duplicated += stored - confirmed;
          if (stored < confirmed) missingAudit += confirmed - stored;
        }
      }),
    );
    // The confirm audit entries sit in the log of the month they were written in.
    const confirmCounts = await countConfirmations(store, seeded, clicks, [startMonth, endMonth]);

    const requests = latencies.length;
    const byStatus = Object.fromEntries([...statuses].sort());
    const serverErrors = [...statuses].filter(([k]) => Number(k.split(' ')[1]) >= 500).reduce((a, [, v]) => a + v, 0);
    return {
      users: users.length,
      seconds: options.seconds,
      requests,
      rps: round(requests / options.seconds, 1),
      p50Ms: round(percentile(latencies, 50), 1),
      p95Ms: round(percentile(latencies, 95), 1),
      p99Ms: round(percentile(latencies, 99), 1),
      byStatus,
      serverErrors,
      lost,
      duplicated,
      missingAudit,
      activeFlags,
      confirmClicks: botLatencies.length,
      botP50Ms: round(percentile(botLatencies, 50), 1),
      botP95Ms: round(percentile(botLatencies, 95), 1),
      confirmAnswers: clicks.answers,
      seededConsultations: seeded.length,
      ...confirmCounts,
    };
  } finally {
    await api.close();
    await serviceUrl.close();
  }
}
