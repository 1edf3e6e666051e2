/**
 * PartitionKey/RowKey building. Azure forbids '/', '\\', '#', '?' and control characters in keys,
 * and '%' or "'" misbehave in URLs of point operations, so every id is encoded before use:
 * [A-Za-z0-9_.-] stay as they are, every other character becomes '~' + two upper-case hex digits
 * per UTF-8 byte. '|' is thus free to separate the parts of a key, and ranges such as
 * `signal|` .. `signal}` select one kind of row.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../rules/errors';
import { storeMessages } from '../messages/store';

const SAFE = /^[A-Za-z0-9_.-]$/;
/** Longer encoded parts are hashed: the original id stays in the entity's JSON. */
const MAX_PART = 200;
const MAX_KEY = 512;

export function encodePart(id: string): string {
  if (typeof id !== 'string' || id.length === 0) throw new DomainError('validation', storeMessages.invalidKey);
  let out = '';
  for (const ch of id) {
    if (SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += '~' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  // '~~' never occurs in an encoded id ('~' is always followed by a hex digit): no clash possible.
  return out.length <= MAX_PART ? out : '~~' + createHash('sha256').update(id, 'utf8').digest('hex');
}

/** Joins already-safe parts (literals or encodePart results) with '|', and checks the result. */
export function joinKey(...parts: string[]): string {
  const key = parts.join('|');
  assertKey(key);
  return key;
}

/** The last line of defence: never send a key Azure would reject or misroute. */
export function assertKey(key: string): void {
  if (key.length > MAX_KEY || /[/\\#?%'\u0000-\u001f\u007f-\u009f]/.test(key)) {
    throw new DomainError('validation', storeMessages.invalidKey);
  }
}

/** Upper bound of a prefix range: every key starting with `prefix|` is < `prefix}`. */
export const rangeEnd = (prefix: string): string => prefix + '}';

/** Sortable form of an instant (UTC milliseconds, 15 digits) so RowKeys order by time. */
export function sortableInstant(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || ms < 0) throw new DomainError('validation', storeMessages.invalidKey);
  return String(ms).padStart(15, '0');
}

export function assertMonth(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('validation', storeMessages.invalidKey);
  return month;
}

let sequence = 0;
/**
 * Unique, ordered suffix for append-only rows with the same instant: a per-process counter keeps
 * this process's order, random bytes keep two instances apart.
 */
export function appendSuffix(): string {
  sequence = (sequence + 1) % 36 ** 6;
  return sequence.toString(36).padStart(6, '0') + randomBytes(4).toString('hex');
}
