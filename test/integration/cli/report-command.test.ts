/**
 * `woonbegeleiding report` on the demo data (the run's Azurite, tables of its own): the same numbers
 * as the overview's use case, the text tables, the refusals in Dutch, and the counts unchanged after
 * a privacy purge (they need no personal data).
 */
import { runCli } from '../../../shared/cli/main';
import { brusselsDate } from '../../../shared/rules/calendar';
import { addDays } from '../../../shared/rules/dates';
import type { Report } from '../../../shared/rules/report';
import { createServiceContext } from '../../../shared/services/context';
import { getReport } from '../../../shared/services/get-report';
import { createStore } from '../../../shared/store';
import { demoData } from '../../../shared/demo/demo-data';
import { testConnectionString, testPrefix } from '../../setup/test-store';

jest.setTimeout(300_000);

const prefix = testPrefix();
process.env.TABLE_PREFIX = prefix;

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const today = brusselsDate(new Date());
const month = today.slice(0, 7);
const from = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

describe('woonbegeleiding report', () => {
  let before: Report;

  beforeAll(async () => {
    expect((await run('seed', '--demo')).code).toBe(0);
  });

  it('--json prints the use case\'s report of the demo data: every dossier once, the figures of the overview', async () => {
    const { code, out } = await run('report', '--from', from, '--to', month, '--at', today, '--json');
    expect(code).toBe(0);
    before = JSON.parse(out) as Report;
    const store = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
    const demo = demoData(today);
    const coordinator = demo.users.find((u) => u.role === 'landlord-coordinator');
    if (!coordinator) throw new Error('no demo coordinator');
    const landlord = await store.landlords.get('vivendo');
    if (!landlord) throw new Error('no landlord');
    const ctx = createServiceContext({ store, landlord, user: coordinator, now: `${today}T12:00:00+01:00` });
    expect(before).toEqual(await getReport(ctx, { from, to: month }));
    const all = await store.forLandlord('vivendo').dossiers.listAll();
    expect(before.trajectories.reduce((s, t) => s + t.total, 0)).toBe(all.length);
    expect(before.trajectories.map((t) => t.partnerId).sort()).toEqual(['de-linde', 'de-vaart', 'onderdak', 'woonkracht']);
    expect(before.closures.reduce((s, q) => s + q.positive + q.stopped, 0)).toBeGreaterThan(0);
    for (const d of all) expect(out).not.toContain(d.tenant.name);
  });

  it('prints a table per figure, numbers and months in Belgian Dutch', async () => {
    const { code, out } = await run('report', '--from', from, '--to', month, '--at', today);
    expect(code).toBe(0);
    for (const heading of ['Trajecten per organisatie en fase', 'Mijlpalen deze maand en volgende maand', 'Verlengingen en hun duur', 'Positieve afsluitingen en stopzettingen per kwartaal', 'Structureel overleg', 'Signalen per soort']) {
      expect(out).toContain(heading);
    }
    expect(out).toMatch(/(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
  });

  it('bad months are refused with one Dutch line and exit code 2', async () => {
    expect(await run('report', '--from', '2026-05', '--to', '2026-01')).toMatchObject({ code: 2, err: 'De laatste maand van het overzicht ligt voor de eerste.' });
    expect(await run('report', '--from', '2026-13', '--to', '2026-12')).toMatchObject({ code: 2, err: 'De eerste maand (JJJJ-MM) is ongeldig.' });
    expect((await run('report', '--at', '2026-02-30')).code).toBe(2);
  });

  it('the counts hold after a privacy purge of every closed trajectory', async () => {
    const purged = await run('privacy', 'purge', '--closed-before', addDays(today, 1), '--yes');
    expect(purged.code).toBe(0);
    const closed = before.trajectories.reduce((s, t) => s + t.byStatus['closed-positive'] + t.byStatus.stopped, 0);
    expect(closed).toBeGreaterThan(0);
    expect(purged.out).toContain(`${closed} dossier`);
    const after = JSON.parse((await run('report', '--from', from, '--to', month, '--at', today, '--json')).out) as Report;
    expect(after).toEqual(before);
  });
});
