import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../../shared/cli/main';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('woonbegeleiding calendar', () => {
  it('R12/R13/R15/R-H: --json gives one entry per month with the moved dates and why', async () => {
    const { code, out } = await run('calendar', '--from', '2025-11', '--to', '2026-01', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out);
    expect(entries.map((e: { month: string }) => e.month)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(entries[1]).toMatchObject({
      month: '2025-12',
      meetingDate: '2025-12-24',
      invitationDate: '2025-12-18',
      flagDeadline: '2025-12-24T00:00:00+01:00',
      meetingMoved: { from: '2025-12-25', reason: { kind: 'public-holiday', name: 'Kerstmis' } },
    });
    expect(entries[0].meetingMoved).toBeUndefined();
  });

  it('R-H: the readable table is Dutch and says why a date moved', async () => {
    const { code, out } = await run('calendar', '--from', '2025-12', '--to', '2025-12');
    expect(code).toBe(0);
    expect(out).toContain('wo 24/12/2025');
    expect(out).toContain('Overleg verplaatst van 25/12/2025 wegens Kerstmis (wettelijke feestdag).');
  });

  it('R-H: --closing-day moves a date', async () => {
    const { out } = await run('calendar', '--from', '2026-12', '--to', '2026-12', '--closing-day', '2026-12-31', '--json');
    expect(JSON.parse(out)[0].meetingDate).toBe('2026-12-30');
  });

  it.each([
    [['calendar', '--from', '2025-13', '--to', '2026-01'], /Ongeldige maand "2025-13"/],
    [['calendar', '--from', '2026-01', '--to', '2025-01'], /ligt vóór --from/],
    [['calendar', '--to', '2025-01'], /--from ontbreekt/],
    [['calendar', '--form', '2025-01'], /Onbekende optie/],
    [['milestones', '--lease-start', '2025-02-30'], /Ongeldige datum "2025-02-30"/],
    [['milestones', '--lease-start', '2025-01-31', '--extension', '4'], /veelvoud van 3/],
    [['milestones', '--lease-start', '2025-01-31', '--extension=-3'], /veelvoud van 3/],
    [['milestones', '--lease-start', '2025-01-31', '--extension', '-3'], /optie zonder waarde: --extension/],
    [['milestones', '--lease-start', '2025-01-31', '--extension', '6.0'], /veelvoud van 3/],
    [['nonsense'], /Onbekende opdracht/],
  ])('bad input %j exits with 2 and one Dutch line', async (argv, message) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });
});

describe('woonbegeleiding milestones', () => {
  it('R11/R17/R19/R20: --json lists lease start, planned end and milestones with their consultations', async () => {
    const { code, out } = await run('milestones', '--lease-start', '2025-01-31', '--extension', '6', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.leaseStart).toBe('2025-01-31');
    expect(result.plannedEnd).toBe('2026-07-31');
    expect(result.milestones.map((m: { kind: string }) => m.kind)).toEqual([
      'evaluation-1m',
      'home-visit-3m',
      'evaluation-4m',
      'evaluation-10m',
      'final-evaluation',
      'final-evaluation',
    ]);
    expect(result.milestones[0]).toEqual({ kind: 'evaluation-1m', due: '2025-02-28', consultation: '2025-03-27' });
    expect(result.milestones[1].consultation).toBeNull();
  });
});

describe('the installed command', () => {
  it('npx woonbegeleiding runs in a checkout and fails bad input with exit code 2 and no stack trace', async () => {
    const bin = path.resolve(__dirname, '../../../bin/woonbegeleiding.js');
    const ok = await promisify(execFile)(process.execPath, [bin, 'calendar', '--from', '2025-05', '--to', '2025-05', '--json']);
    expect(JSON.parse(ok.stdout)[0].meetingDate).toBe('2025-05-28');

    const failure = await promisify(execFile)(process.execPath, [bin, 'calendar', '--from', '2025-00', '--to', '2025-01']).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr.trim()).toBe('Ongeldige maand "2025-00": gebruik JJJJ-MM, bijvoorbeeld 2025-12.');
  }, 30_000);
});
