/**
 * A record is stored as JSON in string properties j0, j1, ...: a string property holds at most
 * 32 K UTF-16 characters (64 KiB), an entity at most 1 MiB, so JSON is cut into chunks and the whole
 * is capped well below the entity limit. Schema-less JSON keeps the record types the single truth.
 */
import { DomainError } from '../rules/errors';
import { storeMessages } from '../messages/store';

const CHUNK = 30_000;
/** 16 chunks: ~960 KB as UTF-16, room left for keys and the few scalar properties. */
export const MAX_CHARS = 16 * CHUNK;

export type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };
export type StoredEntity = Entity & { etag: string; timestamp?: string };

/** JSON as ASCII (\uXXXX escapes): chars = bytes, and see toChunks. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** `json` cut into properties `<prefix>0..<prefix>N-1` plus `<prefix>n` (the count). */
export function chunkProps(json: string, prefix = 'j'): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  let n = 0;
  for (let i = 0; i < json.length; i += CHUNK, n++) props[`${prefix}${n}`] = json.slice(i, i + CHUNK);
  props[`${prefix}n`] = n;
  return props;
}

export function toChunks(value: unknown): Record<string, string | number> {
  // ASCII only: Azurite decodes request bodies chunk by chunk and corrupts a multi-byte character
  // that straddles a 64 KiB boundary; ASCII also makes chars = bytes.
  const json = asciiJson(value);
  if (json.length > MAX_CHARS) throw new DomainError('validation', storeMessages.tooLarge, { chars: json.length });
  return chunkProps(json);
}

export function fromChunks<T>(entity: Record<string, unknown>, prefix = 'j'): T {
  const n = Number(entity[`${prefix}n`] ?? 0);
  let json = '';
  for (let i = 0; i < n; i++) json += String(entity[`${prefix}${i}`] ?? '');
  return JSON.parse(json) as T;
}

/** An entity holding `value`, with a revision number and any scalar properties used in filters. */
export function encode(
  partitionKey: string,
  rowKey: string,
  value: unknown,
  extra: Record<string, string | number | boolean> = {},
): Entity {
  return { partitionKey, rowKey, ...extra, ...toChunks(value) };
}

export const revOf = (e: Record<string, unknown> | undefined): number => Number(e?.rev ?? 0);
