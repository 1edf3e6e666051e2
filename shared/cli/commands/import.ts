/** `woonbegeleiding import dossiers FILE.csv`: all rows or none (shared/services/import-dossiers.ts). */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { cliMessages as msg } from '../../messages/cli';
import { importMessages } from '../../messages/import';
import { brusselsDate } from '../../rules/calendar';
import { DomainError, isDomainError } from '../../rules/errors';
import { checkColumns, importDossiers, type ImportProblem, type ImportRow } from '../../services/import-dossiers';
import { UsageError } from '../cli-error';
import { openCliStore } from '../connect';

/** Parses the CSV text (`;` or `,`, detected from the header) into rows with their line numbers. */
export function parseDossierCsv(text: string): ImportRow[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, columns: (cols: string[]) => (checkColumns(cols.map((c) => c.trim())), cols.map((c) => c.trim())), delimiter, skip_empty_lines: true, info: true, trim: true });
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw new DomainError('validation', importMessages.badCsv(error instanceof Error ? error.message.split('\n')[0] ?? '' : ''));
  }
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

export async function importCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [what, file, ...rest] = args;
  if (what !== 'dossiers' || !file || rest.length) throw new UsageError(msg.importUsage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DomainError('validation', msg.fileUnreadable(file));
  }
  const rows = parseDossierCsv(text);
  const { store, config, close } = await openCliStore();
  try {
    const landlord = await store.landlords.get(config.LANDLORD_ID);
    if (!landlord) throw new DomainError('not-found', msg.noLandlord(config.LANDLORD_ID));
    const now = new Date();
    const calendar = { closingDays: [...landlord.closingDays] };
    const result = await importDossiers(store.forLandlord(config.LANDLORD_ID), rows, { today: brusselsDate(now), now: now.toISOString(), actor: 'cli', calendar });
    out(importMessages.summary(result.imported, result.unchanged));
  } catch (error) {
    // Every bad row on its own line, then the verdict.
    const problems = isDomainError(error) ? (error.details.problems as ImportProblem[] | undefined) : undefined;
    if (problems && isDomainError(error)) {
      throw new DomainError('validation', [...problems.map((p) => importMessages.rowProblem(p.line, p.message)), error.message].join('\n'));
    }
    throw error;
  } finally {
    await close();
  }
}
