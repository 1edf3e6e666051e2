/**
 * `woonbegeleiding report --from JJJJ-MM --to JJJJ-MM [--at JJJJ-MM-DD] [--json]`: the landlord's
 * overview of all trajectories, the same numbers as the overview page (one use case's counting,
 * services/get-report.ts). Counts only: no names, no dossier numbers. `--at` is the day the state is
 * counted on (default today in Brussels), as `jobs --at` replays a moment.
 */
import { parseArgs } from 'node:util';
import { cliMessages } from '../../messages/cli';
import { reportMessages as msg } from '../../messages/report';
import { brusselsDate, monthOf, nextMonth } from '../../rules/calendar';
import { parseIsoDate } from '../../rules/dates';
import { DomainError } from '../../rules/errors';
import { REPORT_MILESTONES, REPORT_STATUSES, type Report } from '../../rules/report';
import { reportFromStore, reportRange } from '../../services/get-report';
import { openCliStore } from '../connect';
import { renderTable } from '../table';
import { UsageError } from '../cli-error';

const n = (value: number): string => msg.number(value);

/** The report as plain-text tables, one per figure of the overview page. */
export function renderReport(report: Report): string {
  const c = msg.column;
  const blocks: [string, string][] = [
    [
      msg.chart.trajectories,
      renderTable(
        [c.partner, ...REPORT_STATUSES.map((s) => msg.status[s]), c.total],
        report.trajectories.map((t) => [t.partnerId, ...REPORT_STATUSES.map((s) => n(t.byStatus[s])), n(t.total)]),
      ),
    ],
    [
      msg.chart.milestones,
      renderTable(
        [c.milestone, ...report.milestones.map((m) => msg.month(m.month)), c.overdue],
        REPORT_MILESTONES.map((k) => [msg.milestone[k], ...report.milestones.map((m) => n(m.byKind[k])), n(report.overdue.byKind[k])]),
      ),
    ],
    [msg.chart.extensions, report.extensions.length === 0 ? msg.none : renderTable([c.months, c.count], report.extensions.map((e) => [msg.extensionMonths(e.months), n(e.count)]))],
    [msg.chart.closures, renderTable([c.quarter, c.positive, c.stopped], report.closures.map((q) => [q.quarter, n(q.positive), n(q.stopped)]))],
    [
      msg.chart.consultations,
      renderTable(
        [c.month, c.held, c.skipped, c.awaiting, c.confirmed],
        report.consultations.map((m) => [m.month, n(m.held), n(m.skipped), n(m.awaitingConfirmation), n(m.confirmed)]),
      ),
    ],
    [msg.chart.signals, renderTable([c.signal, c.count], report.signals.map((s) => [msg.signal[s.category], n(s.count)]))],
  ];
  const head = `${msg.title}\n${msg.period(report.from, report.to)}; ${msg.asOf(msg.date(report.today)).toLowerCase()}`;
  return [head, ...blocks.map(([title, table]) => `${title}\n${table}`)].join('\n\n');
}

export async function reportCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  let today: string;
  try {
    today = values.at ? parseIsoDate(values.at) : brusselsDate(new Date());
  } catch {
    throw new UsageError(msg.badDay(values.at ?? ''));
  }
  // Default: the twelve months up to the current one.
  const to = values.to ?? monthOf(today);
  const range = reportRange({ from: values.from ?? (values.to ? undefined : nextMonth(to, -11)), to });
  const { store, config, close } = await openCliStore();
  try {
    const landlord = await store.landlords.get(config.LANDLORD_ID);
    if (!landlord) throw new DomainError('not-found', cliMessages.noLandlord(config.LANDLORD_ID));
    const report = await reportFromStore(store.forLandlord(landlord.id), range, today, { closingDays: [...landlord.closingDays] });
    out(values.json ? JSON.stringify(report, null, 2) : renderReport(report));
  } finally {
    await close();
  }
}
