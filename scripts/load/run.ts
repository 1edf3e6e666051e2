/**
 * The load run: N partner users (default 200; four colleagues per organisation of the benchmark's 50)
 * flag and withdraw flags through the real server for a while, then everything is counted in
 * storage. Each user works on dossiers of its own (a disjoint share of its organisation's), so the
 * expected end state is known exactly, while the colleagues still contend for the same consultation
 * record (one partition per partner and month) as they would in real life.
 *
 * Checked afterwards: no 5xx; every dossier's flag is active exactly when the user's last confirmed
 * action was a flag; the audit holds one flag.create per 201 and one flag.withdraw per "withdrawn"
 * (nothing lost, nothing twice).
 */
import type { User } from '../../shared/rules/types';
import type { Store } from '../../shared/store';
import { percentile, round } from '../bench/stats';
import { startApi } from '../bench/server';
import { benchUsers, LANDLORD, PARTNERS, partnerId, seedDirectory, seedDossiers } from '../bench/world';

/** How many of its dossiers one user keeps flagging and withdrawing. */
const WORKING_SET = 4;

export interface LoadOptions {
  store: Store;
  users: number;
  seconds: number;
  /** Dossiers in total (default 20 per partner). */
  dossiers?: number;
  today: string;
  say?: (line: string) => void;
}

export interface LoadResult {
  users: number;
  seconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** Dossiers whose stored flag state differs from the last confirmed action. */
  lost: number;
  /** Audit entries more than confirmed actions (a duplicate). */
  duplicated: number;
  /** Confirmed actions without their audit entry. */
  missingAudit: number;
  activeFlags: number;
}

/** Four colleagues per partner (and more if asked): object ids ...0002-<partner><n>. */
export function loadUsers(count: number): User[] {
  const base = benchUsers().filter((u) => u.role === 'partner-member');
  return Array.from({ length: count }, (_, i) => {
    const p = i % PARTNERS;
    const n = Math.floor(i / PARTNERS);
    const template = base[p] as User;
    return { ...template, objectId: `00000000-0000-0000-0002-${String(p).padStart(4, '0')}${String(n).padStart(8, '0')}`, displayName: `Collega ${n + 1} van ${partnerId(p)}` };
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const say = options.say ?? (() => undefined);
  const { store } = options;
  await seedDirectory(store);
  const users = loadUsers(options.users);
  await Promise.all(users.map((u) => store.users.create(u)));
  await seedDossiers(store, 0, options.dossiers ?? PARTNERS * 20, options.today);
  const ports = store.forLandlord(LANDLORD.id);
  const api = await startApi({ store });
  try {
    const tokens = await Promise.all(users.map((u) => api.token(u)));
    const me = (await (await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${tokens[0]}` } })).json()) as { nextConsultation: { month: string } };
    const month = me.nextConsultation.month;

    // Each user its own share of its partner's dossiers.
    const share = new Map<number, string[]>();
    for (let p = 0; p < PARTNERS; p++) {
      const colleagues = users.map((u, i) => [u, i] as const).filter(([u]) => u.partnerId === partnerId(p));
      if (colleagues.length === 0) continue;
      const ids = (await ports.dossiers.listForPartner(partnerId(p))).map((d) => d.id).sort();
      colleagues.forEach(([, i], k) => share.set(i, ids.filter((_id, j) => j % colleagues.length === k)));
    }

    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const expectedActive = new Map<string, boolean>(); // partner|dossier -> active after the last confirmed action
    const created = new Map<string, number>();
    const withdrawn = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    const until = Date.now() + options.seconds * 1000;
    say(`load: ${users.length} users flagging and withdrawing for ${options.seconds} s (month ${month})`);

    await Promise.all(
      users.map(async (user, i) => {
        const mine = share.get(i) ?? [];
        if (mine.length === 0) return;
        const partner = user.partnerId as string;
        const auth = { authorization: `Bearer ${tokens[i]}` };
        for (let n = 0; Date.now() < until; n++) {
          // A small working set, so flags and withdrawals alternate on the same dossiers.
          const dossierId = mine[n % Math.min(mine.length, WORKING_SET)] as string;
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

    // Counted in storage.
    let lost = 0;
    let duplicated = 0;
    let missingAudit = 0;
    let activeFlags = 0;
    const partners = [...new Set(users.map((u) => u.partnerId as string))];
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
    };
  } finally {
    await api.close();
  }
}
