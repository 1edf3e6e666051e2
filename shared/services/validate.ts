/**
 * Input checks shared by the use cases (DESIGN, Security: input from Teams cards, the add-in and
 * e-mail is untrusted: validated and size-limited). Each failure is DomainError 'validation' with a
 * Dutch message and the offending field in `details.fields`.
 */
import { parseYearMonth } from '../rules/calendar';
import { isValidIsoDate } from '../rules/dates';
import { DomainError } from '../rules/errors';
import { FREE_TEXT, isAbsentText, requireFreeText, type FreeTextField } from '../rules/free-text';
import type { IsoDate, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';

export type Field = keyof typeof msg.fieldLabel;

export const LIMITS = {
  id: FREE_TEXT.id.max,
  listItems: 100,
} as const;

export const invalid = (field: Field, message: string): DomainError => new DomainError('validation', message, { fields: [field] });

const label = (field: Field): string => msg.fieldLabel[field];

/** A required text of `kind` (its limit and lines from the one free-text table), trimmed. */
export function requireText(value: unknown, field: Field, kind: FreeTextField): string {
  return requireFreeText(value, kind, label(field), field);
}

export const optionalText = (value: unknown, field: Field, kind: FreeTextField): string | undefined =>
  isAbsentText(value) ? undefined : requireText(value, field, kind);

/** An id of a record: a short single-line text. */
export const requireId = (value: unknown, field: Field): string => requireText(value, field, 'id');

export const optionalId = (value: unknown, field: Field): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireId(value, field);

export function requireDate(value: unknown, field: Field): IsoDate {
  if (value === undefined || value === null || value === '') throw invalid(field, msg.fieldMissing(label(field)));
  if (!isValidIsoDate(value)) throw invalid(field, msg.dateInvalid(label(field)));
  return value;
}

export const optionalDate = (value: unknown, field: Field): IsoDate | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireDate(value, field);

export function requireMonth(value: unknown, field: Field = 'month'): YearMonth {
  if (typeof value !== 'string') throw invalid(field, msg.fieldMissing(label(field)));
  try {
    return parseYearMonth(value);
  } catch {
    throw invalid(field, msg.fieldInvalid(label(field)));
  }
}

export const optionalMonth = (value: unknown, field: Field = 'month'): YearMonth | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireMonth(value, field);

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: Field): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalid(field, value === undefined || value === null ? msg.fieldMissing(label(field)) : msg.fieldInvalid(label(field)));
  }
  return value as T;
}

export function requireBoolean(value: unknown, field: Field): boolean {
  if (typeof value !== 'boolean') throw invalid(field, msg.fieldMissing(label(field)));
  return value;
}

export const optionalBoolean = (value: unknown, field: Field): boolean | undefined =>
  value === undefined || value === null ? undefined : requireBoolean(value, field);

/** A list of ids, at most LIMITS.listItems, without duplicates. */
export function idList(value: unknown, field: Field): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, msg.fieldInvalid(label(field)));
  if (value.length > LIMITS.listItems) throw invalid(field, msg.tooMany(label(field), LIMITS.listItems));
  const ids = value.map((v) => requireId(v, field));
  if (new Set(ids).size !== ids.length) throw invalid(field, msg.duplicate(label(field)));
  return ids;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
/** Digits with an optional leading +, spaces, dots, slashes, hyphens and brackets; 6 to 20 digits. */
const PHONE = /^\+?[0-9 ./()-]+$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/** An Entra id (tenant, object): a GUID, answered in lower case. */
export function requireGuid(value: unknown, field: Field): string {
  const text = requireText(value, field, 'id');
  if (!GUID.test(text)) throw invalid(field, msg.guidInvalid(label(field)));
  return text.toLowerCase();
}

export const optionalGuid = (value: unknown, field: Field): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireGuid(value, field);

export function requireEmail(value: unknown, field: Field): string {
  const text = requireText(value, field, 'email');
  if (!EMAIL.test(text)) throw invalid(field, msg.emailInvalid(label(field)));
  return text;
}

export const optionalEmail = (value: unknown, field: Field): string | undefined =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? undefined : requireEmail(value, field);

export function requirePhone(value: unknown, field: Field): string {
  const text = requireText(value, field, 'phone');
  const digits = text.replace(/\D/g, '').length;
  if (!PHONE.test(text) || digits < 6 || digits > 20) throw invalid(field, msg.phoneInvalid(label(field)));
  return text;
}

/** A readable record id chosen by a person (e.g. a partner's "de-vaart"): lower case, digits, hyphens. */
export function requireSlug(value: unknown, field: Field): string {
  const text = requireText(value, field, 'slug');
  if (!SLUG.test(text)) throw invalid(field, msg.slugInvalid(label(field)));
  return text;
}

/** The input itself must be an object (a JSON body can be anything). */
export function requireInput<T extends object>(input: T | undefined | null): T {
  if (typeof input !== 'object' || input === null) throw new DomainError('validation', msg.inputMissing);
  return input;
}
