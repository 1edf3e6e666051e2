/**
 * Imports dossiers from rows of a CSV file (an administrator's task, run from the CLI). Every row is
 * built through the same rules as the use cases (R1 signatures before activation, R7 consent, R20
 * extensions), so an import cannot create what the product would refuse. All rows are checked first:
 * one bad row rejects the whole file with the line and reason of every problem, and nothing is
 * written. A re-run of the same file changes nothing (a dossier with the same number and the same data
 * counts as present), so an import interrupted by a storage failure is completed by running it again.
 *
 * Columns (header row, `;` or `,` separated; dates YYYY-MM-DD; empty = not applicable):
 *   nummer                  VT-2025-014 / AW-2025-003 (kind from the prefix)
 *   soort                   VT or AW
 *   huurder                 tenant's name
 *   adres                   tenant's address (optional)
 *   aanmeldende_partner     id of the registering partner organisation
 *   begeleidende_partner    id of the supporting partner organisation
 *   woonbegeleider          support worker's name
 *   getekend_woonbegeleider, getekend_huurder, getekend_verhuurder   signature dates (R1)
 *   toestemming_op, toestemming_scope                               consent (R7)
 *   start_huur              lease start: activates the trajectory (needs the three signatures)
 *   verlengingen            extensions in months, e.g. "3;6" (R20)
 *   versie_huurovereenkomst, versie_toelichting, versie_rio, versie_huisdierenbeleid
 *                           R3: the versions of the documents that define the tenant's obligations
 */
import { DomainError, isDomainError } from '../rules/errors';
import { recordConsent } from '../rules/information';
import { activate, createCandidacy, extend, recordSignature } from '../rules/trajectory';
import type { CalendarConfig } from '../rules/calendar';
import { addMonths } from '../rules/dates';
import { SIGNATORIES, type AuditEntry, type Dossier, type IsoDate, type Signatory } from '../rules/types';
import { importMessages as msg } from '../messages/import';
import { appendUnlessLogged } from './audit-repair';
import type { LandlordPorts } from './ports';

export const IMPORT_COLUMNS = [
  'nummer',
  'soort',
  'huurder',
  'adres',
  'aanmeldende_partner',
  'begeleidende_partner',
  'woonbegeleider',
  'getekend_woonbegeleider',
  'getekend_huurder',
  'getekend_verhuurder',
  'toestemming_op',
  'toestemming_scope',
  'start_huur',
  'verlengingen',
  'versie_huurovereenkomst',
  'versie_toelichting',
  'versie_rio',
  'versie_huisdierenbeleid',
] as const;

/** R3: the column of each obligation document's version. */
const documentColumn = {
  lease: 'versie_huurovereenkomst',
  toelichting: 'versie_toelichting',
  rio: 'versie_rio',
  huisdierenbeleid: 'versie_huisdierenbeleid',
} as const;
const REQUIRED_COLUMNS = ['nummer', 'soort', 'huurder', 'aanmeldende_partner', 'begeleidende_partner', 'woonbegeleider'];
export const MAX_IMPORT_ROWS = 5000;

export interface ImportRow {
  /** Line number in the file, for the messages. */
  line: number;
  values: Record<string, string>;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportResult {
  imported: number;
  unchanged: number;
}

const NUMBER = /^(VT|AW)-\d{4}-\d{3,}$/;
const signatureColumn: Record<Signatory, string> = {
  supportWorker: 'getekend_woonbegeleider',
  tenant: 'getekend_huurder',
  landlord: 'getekend_verhuurder',
};

/** Checks the header row: every required column present, no unknown column. */
export function checkColumns(columns: string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new DomainError('validation', msg.missingColumns(missing));
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new DomainError('validation', msg.unknownColumns(unknown));
}

/** Builds one dossier through the rules; throws a DomainError with a Dutch reason. */
function dossierOf(row: ImportRow, landlordId: string, partnerIds: Set<string>, today: IsoDate, calendar: CalendarConfig): Dossier {
  const v = (name: string) => (row.values[name] ?? '').trim();
  const number = v('nummer');
  if (!NUMBER.test(number)) throw new DomainError('validation', msg.badNumber(number));
  const kindCode = v('soort').toUpperCase();
  if (kindCode !== 'VT' && kindCode !== 'AW') throw new DomainError('validation', msg.badKind(v('soort')));
  if (!number.startsWith(kindCode)) throw new DomainError('validation', msg.numberKindMismatch(number));
  for (const column of ['aanmeldende_partner', 'begeleidende_partner']) {
    if (!partnerIds.has(v(column))) throw new DomainError('validation', msg.unknownPartner(v(column)));
  }

  let dossier = createCandidacy(
    {
      // The number is unique per landlord: a stable id makes a re-run find the same record.
      id: `import-${number.toLowerCase()}`,
      landlordId,
      number,
      kind: kindCode === 'VT' ? 'VT' : 'other',
      tenant: v('adres') ? { name: v('huurder'), address: v('adres') } : { name: v('huurder') },
      registeringPartnerId: v('aanmeldende_partner'),
      supportingPartnerId: v('begeleidende_partner'),
      supportWorker: { name: v('woonbegeleider') },
      documents: { lease: v(documentColumn.lease), toelichting: v(documentColumn.toelichting), rio: v(documentColumn.rio), huisdierenbeleid: v(documentColumn.huisdierenbeleid) },
    },
    today,
  );
  for (const signatory of SIGNATORIES) {
    const date = v(signatureColumn[signatory]);
    if (date) dossier = recordSignature(dossier, signatory, date, today);
  }
  if (v('toestemming_op')) {
    if (!v('toestemming_scope')) throw new DomainError('validation', msg.consentScopeMissing);
    dossier = recordConsent(dossier, v('toestemming_op'), v('toestemming_scope'), today);
  }
  if (v('start_huur')) dossier = activate(dossier, v('start_huur'), today);
  const extensions = v('verlengingen');
  if (extensions) {
    const leaseStart = dossier.leaseStart;
    if (!leaseStart) throw new DomainError('validation', msg.extensionWithoutLease);
    if (!/^\d+(;\d+)*$/.test(extensions)) throw new DomainError('validation', msg.badExtensions(extensions));
    let total = 0;
    for (const months of extensions.split(';').map(Number)) {
      // Each extension is decided at the final evaluation that ends the period before it (R19, R20).
      dossier = extend(dossier, months, addMonths(leaseStart, 12 + total), calendar);
      total += months;
    }
  }
  return dossier;
}

/** Whether a stored dossier holds the same imported data (a re-run). */
const sameDossier = (a: Dossier, b: Dossier): boolean => JSON.stringify({ ...a, createdOn: '' }) === JSON.stringify({ ...b, createdOn: '' });

/**
 * Checks all rows, then writes them. Throws DomainError 'validation' with `details.problems`
 * (line + Dutch reason per problem) when any row is wrong; nothing is written then.
 */
export async function importDossiers(
  ports: LandlordPorts,
  rows: ImportRow[],
  options: { today: IsoDate; now: string; actor: string; calendar?: CalendarConfig },
): Promise<ImportResult> {
  if (rows.length === 0) throw new DomainError('validation', msg.empty);
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('validation', msg.tooMany(MAX_IMPORT_ROWS));
  const partnerIds = new Set((await ports.partners.list()).map((p) => p.id));

  const problems: ImportProblem[] = [];
  const planned: { row: ImportRow; dossier: Dossier; existing?: Dossier }[] = [];
  const lineOfNumber = new Map<string, number>();
  for (const row of rows) {
    try {
      const dossier = dossierOf(row, ports.landlordId, partnerIds, options.today, options.calendar ?? { closingDays: [] });
      const earlier = lineOfNumber.get(dossier.number);
      if (earlier !== undefined) throw new DomainError('validation', msg.duplicateInFile(dossier.number, earlier));
      lineOfNumber.set(dossier.number, row.line);
      const existing = await ports.dossiers.getByNumber(dossier.number);
      if (existing && !sameDossier(existing, dossier)) throw new DomainError('validation', msg.existsDifferent(dossier.number));
      planned.push(existing ? { row, dossier, existing } : { row, dossier });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push({ line: row.line, message: error.message });
    }
  }
  if (problems.length) {
    throw new DomainError('validation', msg.rejected(problems.length), { problems });
  }

  let imported = 0;
  for (const { dossier, existing } of planned) {
    const audit: AuditEntry = { at: options.now, actor: options.actor, action: 'dossier.import', dossierId: dossier.id, basis: 'role' };
    if (existing) {
      // The same data means the same id: created by an import. Its moment is not stored (createdOn is
      // a day): a repaired entry carries this run's.
      await appendUnlessLogged({ ports }, audit, (e) => e.action === 'dossier.import' || e.action === 'dossier.create');
      continue;
    }
    await ports.dossiers.create(dossier);
    await ports.audit.append(audit);
    imported++;
  }
  return { imported, unchanged: planned.length - imported };
}
