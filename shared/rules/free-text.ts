/**
 * The one check for every text a person types (DESIGN, Security: input is untrusted, validated and
 * size-limited): names, addresses, problem statements, notes, reasons, consent scopes. The API's
 * schemas, the services (and so the bot's card forms and the CSV import) and the cards' input limits
 * all read FREE_TEXT, so a field has one limit and one set of allowed characters everywhere.
 *
 * - Trimmed; the length counts characters as a person does (an emoji is one), after trimming.
 * - Refused: C0 and C1 control characters, DEL, and the bidirectional embeddings, overrides and
 *   isolates (U+202A-U+202E, U+2066-U+2069), which can make a text read differently from what it is.
 * - `lines: 'many'`: newline and tab are allowed (a line ending \r\n or \r becomes \n).
 *   `lines: 'joined'` (R13b problem statement): line breaks and tabs become single spaces.
 *   `lines: 'one'`: a newline or tab is refused.
 */
import { freeTextMessages as msg } from '../messages/free-text';
import { DomainError } from './errors';

type Lines = 'one' | 'many' | 'joined';

/** Every free-text field, its length limit and whether it may span lines: the one table. */
export const FREE_TEXT = {
  /** A record id chosen by the software or typed by an administrator. */
  id: { max: 100, lines: 'one' },
  dossierNumber: { max: 40, lines: 'one' },
  /** A partner's readable id ("de-vaart"). */
  slug: { max: 50, lines: 'one' },
  tenantName: { max: 200, lines: 'one' },
  tenantAddress: { max: 300, lines: 'one' },
  supportWorkerName: { max: 200, lines: 'one' },
  personName: { max: 200, lines: 'one' },
  organisationName: { max: 200, lines: 'one' },
  officeHours: { max: 200, lines: 'one' },
  email: { max: 254, lines: 'one' },
  phone: { max: 40, lines: 'one' },
  documentVersion: { max: 200, lines: 'one' },
  /** R13b: a short statement of the concrete problem, one line on a card. */
  problem: { max: 500, lines: 'joined' },
  /** R7: what the tenant consented to. */
  consentScope: { max: 1000, lines: 'many' },
  /** R5: how the tenant reaches the organisation while the worker is away. */
  replacementContact: { max: 1000, lines: 'many' },
  findingNote: { max: 1000, lines: 'many' },
  contactReasonMissed: { max: 1000, lines: 'many' },
  signalDescription: { max: 2000, lines: 'many' },
  question: { max: 2000, lines: 'many' },
  answer: { max: 2000, lines: 'many' },
  conclusionSummary: { max: 2000, lines: 'many' },
  remark: { max: 2000, lines: 'many' },
  /** Why a trajectory stops, is transferred, refused or cancelled. */
  reason: { max: 2000, lines: 'many' },
} as const satisfies Record<string, { max: number; lines: Lines }>;

export type FreeTextField = keyof typeof FREE_TEXT;

/** C0 (but tab and newline), DEL, C1, bidi embeddings/overrides (U+202A-E) and isolates (U+2066-9). */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAKS_AND_TABS = /[\t\n\u2028\u2029]/;
const JOINABLE = /[\t\n\u2028\u2029]+/g;

export type FreeTextProblem = 'missing' | 'too-long' | 'forbidden-character' | 'line-break';
export type FreeTextCheck = { ok: true; value: string } | { ok: false; problem: FreeTextProblem; max: number };

/** Checks a required text of `field`; the value as it is to be stored, or what is wrong with it. */
export function checkFreeText(value: unknown, field: FreeTextField): FreeTextCheck {
  const { max, lines } = FREE_TEXT[field] as { max: number; lines: Lines };
  const fail = (problem: FreeTextProblem): FreeTextCheck => ({ ok: false, problem, max });
  if (typeof value !== 'string') return fail('missing');
  let text = value.replace(/\r\n?/g, '\n');
  if (lines === 'joined') text = text.replace(JOINABLE, ' ');
  text = text.trim();
  if (text === '') return fail('missing');
  if (FORBIDDEN.test(text)) return fail('forbidden-character');
  if (lines === 'one' && LINE_BREAKS_AND_TABS.test(text)) return fail('line-break');
  if ([...text].length > max) return fail('too-long');
  return { ok: true, value: text };
}

/** An empty or absent optional text is `undefined`; anything else is checked like a required one. */
export const isAbsentText = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The Dutch sentence for a failed check; `label` names the field inside the sentence ("de naam"). */
export function freeTextMessage(check: Extract<FreeTextCheck, { ok: false }>, label: string): string {
  switch (check.problem) {
    case 'missing':
      return msg.missing(label);
    case 'too-long':
      return msg.tooLong(label, check.max);
    case 'forbidden-character':
      return msg.forbiddenCharacter(label);
    case 'line-break':
      return msg.lineBreak(label);
  }
}

/**
 * A required text, or DomainError 'validation' naming `fieldPath` (the input's own key, for the form).
 * `messages` lets a rule keep its own wording for a missing or too long text.
 */
export function requireFreeText(
  value: unknown,
  field: FreeTextField,
  label: string,
  fieldPath: string = field,
  messages: Partial<Record<FreeTextProblem, string>> = {},
): string {
  const check = checkFreeText(value, field);
  if (check.ok) return check.value;
  const details = check.problem === 'too-long' ? { fields: [fieldPath], max: check.max } : { fields: [fieldPath] };
  throw new DomainError('validation', messages[check.problem] ?? freeTextMessage(check, label), details);
}

export function optionalFreeText(value: unknown, field: FreeTextField, label: string, fieldPath: string = field): string | undefined {
  return isAbsentText(value) ? undefined : requireFreeText(value, field, label, fieldPath);
}
