/**
 * `woonbegeleiding jobs [--at 2026-11-19T08:00] [--json]`: runs whatever the protocol calendar has
 * due at that moment (Brussels time when no offset is given; now without --at) on the local store,
 * and prints what it did. Running it again for the same moment sends nothing new. Local only: a
 * replay must never send real mail.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { cliMessages } from '../../messages/cli';
import { jobMessages as msg } from '../../messages/jobs';
import { brusselsDate, PROTOCOL_TIME_ZONE } from '../../rules/calendar';
import { dayOfWeek } from '../../rules/dates';
import { createJobDeps, instantOf, JobSettingsError, loadJobSettings, parseMoment, runDueJobs, type JobReport, type JobSettings, type ReportEntry } from '../../jobs';
import { UsageError } from '../cli-error';
import { openCliStore } from '../connect';
import { renderTable } from '../table';

export function jobSettingsForCli(env: NodeJS.ProcessEnv = process.env): JobSettings {
  try {
    return loadJobSettings(env);
  } catch (err) {
    if (err instanceof JobSettingsError) throw new UsageError(err.message);
    throw err;
  }
}

function detailOf(e: ReportEntry): string {
  const d = e.detail ?? {};
  const parts: string[] = [msg.outcome[e.outcome] ?? e.outcome];
  if (typeof d.recipients === 'number' && d.recipients > 0) parts.push(msg.recipients(d.recipients));
  if (d.delivered === false) parts.push(msg.notDelivered);
  if (typeof d.flagged === 'number' || typeof d.unclear === 'number') parts.push(msg.replyCounts(Number(d.flagged ?? 0), Number(d.unclear ?? 0)));
  if (typeof d.reason === 'string') parts.push(msg.reason(d.reason));
  return parts.join(', ');
}

export function renderReport(report: JobReport): string {
  const at = DateTime.fromISO(report.at, { setZone: true }).setZone(PROTOCOL_TIME_ZONE);
  const day = brusselsDate(report.at);
  const lines = [msg.runHeader(cliMessages.weekdays[dayOfWeek(day)] ?? '', day, at.toFormat('HH:mm'))];
  const shown = report.entries.filter((e) => e.outcome !== 'already-done');
  const already = report.entries.length - shown.length;
  if (shown.length > 0) {
    lines.push(
      renderTable(
        msg.reportHeader,
        shown.map((e) => [msg.job[e.job] ?? e.job, e.partnerId ?? '-', e.month ?? '-', e.dossierNumber ?? '-', msg.effect[e.effect] ?? e.effect, detailOf(e)]),
      ),
    );
    const count = (o: ReportEntry['outcome']) => shown.filter((e) => e.outcome === o).length;
    lines.push(msg.summary(count('done'), count('recovered'), count('failed') + count('gave-up') + count('in-progress'), already));
  } else {
    lines.push(already > 0 ? msg.nothingNew : msg.nothingDue);
  }
  for (const e of report.errors) lines.push(msg.jobError(msg.job[e.job] ?? e.job, e.code));
  return lines.join('\n');
}

export async function jobsCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { at: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const settings = jobSettingsForCli();
  if (settings.mode === 'azure' || settings.transport === 'graph') throw new UsageError(msg.jobsOnlyLocal);
  const at = values.at === undefined ? instantOf(new Date()) : parseMoment(values.at);
  if (!at) throw new UsageError(msg.badMoment(values.at ?? ''));

  const { store, config, close } = await openCliStore();
  try {
    const deps = createJobDeps({ settings, dataDir: config.DATA_DIR, store });
    const report = await runDueJobs(deps, at);
    out(values.json ? JSON.stringify(report, null, 2) : renderReport(report));
  } finally {
    await close();
  }
}
