/**
 * RFC 5322 / MIME, both ways, for the file outbox and inbox (.eml files any mail program opens):
 * - `writeMime`: multipart/alternative with a text/plain and a text/html part, UTF-8, quoted-printable,
 *   CRLF line ends, headers folded and non-ASCII headers as RFC 2047 encoded words.
 * - `parseMime`: reads what mail programs write (nested multiparts, quoted-printable, base64, 7/8bit,
 *   UTF-8 or Latin-1, encoded words), enough to read a reply and to check our own files.
 * No dependency: the product needs little of MIME, and every part of it here is tested.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Instant } from '../rules/types';

export interface Address {
  address: string;
  name?: string;
}

export interface MimeInput {
  from: Address;
  to: readonly string[];
  subject: string;
  /** The moment of sending, ISO 8601 with offset (the job's `now`). */
  date: Instant;
  /** With angle brackets: `<id@domain>`. */
  messageId: string;
  inReplyTo?: string;
  references?: readonly string[];
  /** Extra headers (name, value), e.g. X-WB-Reference; names must be plain tokens. */
  headers?: readonly (readonly [string, string])[];
  text: string;
  html: string;
}

const CRLF = '\r\n';
const MAX_LINE = 76;
// Addresses as the product writes them: no display parts, no comments, no whitespace.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;

export const isMailAddress = (value: string): boolean => ADDRESS.test(value) && value.length <= 254;

function assertHeaderSafe(value: string): string {
  // A line break in a header value would start a new header: never from data.
  if (/[\r\n\u0000]/.test(value)) throw new Error('mime: line break in a header value');
  return value;
}

function assertAddress(value: string): string {
  if (!isMailAddress(value)) throw new Error('mime: invalid e-mail address');
  return value;
}

const isPrintableAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** RFC 2047 B-encoded words of at most 75 characters, split between characters (never inside one). */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`);
}

/** Folds a header at spaces so no line passes 78 characters (when the words allow it). */
function fold(name: string, words: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of words) {
    if (line.length + 1 + word.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = ` ${word}`;
    } else {
      line += ` ${word}`;
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

function unstructured(name: string, value: string): string {
  assertHeaderSafe(value);
  // Plain words with single spaces fold and unfold unchanged; anything else goes as encoded words.
  if (/^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(value) && !/=\?/.test(value)) return fold(name, value.split(' '));
  return fold(name, encodedWords(value));
}

function displayName(name: string): string {
  assertHeaderSafe(name);
  if (isPrintableAscii(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return encodedWords(name).join(' ');
}

/** RFC 5322 date in the Brussels zone of that moment: "Thu, 19 Nov 2026 08:00:00 +0100". */
export function rfc5322Date(instant: Instant): string {
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new Error('mime: invalid date');
  return dt.setZone('Europe/Brussels').toRFC2822() as string;
}

/** Quoted-printable (RFC 2045) of UTF-8 text, CRLF line ends, soft breaks at 76 characters. */
export function encodeQuotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const literal =
          (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        // A leading "." or "From " is encoded too: some transports and mbox files mangle them.
        const risky = i === 0 && (b === 46 || (b === 70 && line.startsWith('From ')));
        tokens.push(literal && !risky ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > MAX_LINE - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

const boundaryOf = (input: MimeInput): string =>
  `wb-alt-${createHash('sha256').update(input.messageId).update(input.text).update(input.html).digest('hex').slice(0, 24)}`;

/** The whole message, ready to be written as a .eml file. */
export function writeMime(input: MimeInput): string {
  const boundary = boundaryOf(input);
  const fromAddress = assertAddress(input.from.address);
  if (input.to.length === 0) throw new Error('mime: no recipient');
  const to = input.to.map(assertAddress);
  const headers: string[] = [
    `From: ${input.from.name ? `${displayName(input.from.name)} <${fromAddress}>` : fromAddress}`,
    fold('To', to.map((a, i) => (i < to.length - 1 ? `${a},` : a))),
    unstructured('Subject', input.subject),
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: ${assertHeaderSafe(input.messageId)}`,
  ];
  if (input.inReplyTo) headers.push(`In-Reply-To: ${assertHeaderSafe(input.inReplyTo)}`);
  if (input.references?.length) headers.push(fold('References', input.references.map(assertHeaderSafe)));
  for (const [name, value] of input.headers ?? []) {
    if (!HEADER_NAME.test(name)) throw new Error('mime: invalid header name');
    headers.push(unstructured(name, value));
  }
  headers.push('MIME-Version: 1.0', `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`);

  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', encodeQuotedPrintable(body)].join(CRLF);
  return [...headers, '', part('text/plain', input.text), part('text/html', input.html), `--${boundary}--`, ''].join(CRLF);
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface MimePart {
  /** Header names in lower case, values unfolded and decoded; in order of appearance. */
  headers: [string, string][];
  /** e.g. "text/plain", lower case. */
  contentType: string;
  params: Record<string, string>;
  /** Decoded text of a text/* leaf; '' otherwise. */
  body: string;
  parts: MimePart[];
}

export interface ParsedMail extends MimePart {
  header(name: string): string | undefined;
  headerAll(name: string): string[];
  /** The first text/plain and text/html leaves (attachments excluded). */
  text?: string;
  html?: string;
}

function decodeBytes(bytes: Buffer, charset: string | undefined): string {
  const cs = (charset ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(cs === 'us-ascii' ? 'utf-8' : cs).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** RFC 2047 encoded words (B and Q); whitespace between two encoded words disappears. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bBqQ]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g, (_all, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return decodeBytes(bytes, charset);
    });
}

export function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i] as string;
    const hex = joined.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(c.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** Parameters of a structured header: `type/sub; a=b; c="d e"` → ['type/sub', {a, c}]. */
function parseParams(value: string): [string, Record<string, string>] {
  const [first = '', ...rest] = value.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[key] = v;
  }
  return [first.trim().toLowerCase(), params];
}

/** Headers and body of one entity; `raw` holds bytes as Latin-1 characters. */
function splitEntity(raw: string): { headers: [string, string][]; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: [string, string][] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1] as [string, string];
      last[1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  // Raw 8-bit header bytes are UTF-8 in practice (RFC 6532); then the encoded words.
  return { headers: headers.map(([n, v]) => [n, decodeEncodedWords(Buffer.from(v, 'latin1').toString('utf8'))]), body };
}

function parseEntity(raw: string, depth: number): MimePart {
  const { headers, body } = splitEntity(raw);
  const get = (name: string) => headers.find(([n]) => n === name)?.[1];
  const [contentType, params] = parseParams(get('content-type') ?? 'text/plain; charset=us-ascii');
  const part: MimePart = { headers, contentType, params, body: '', parts: [] };
  if (contentType.startsWith('multipart/') && params.boundary && depth < 8) {
    const delimiter = `--${params.boundary}`;
    const sections = body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    // sections[0] is the preamble, the last one the epilogue.
    part.parts = sections.slice(1, -1).map((s) => parseEntity(s, depth + 1));
    return part;
  }
  if (contentType.startsWith('text/')) {
    const cte = (get('content-transfer-encoding') ?? '7bit').toLowerCase();
    const bytes =
      cte === 'quoted-printable' ? decodeQuotedPrintable(body) : cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body, 'latin1');
    part.body = decodeBytes(bytes, params.charset).replace(/\r\n/g, '\n');
  }
  return part;
}

function firstLeaf(part: MimePart, type: string): string | undefined {
  const disposition = part.headers.find(([n]) => n === 'content-disposition')?.[1] ?? '';
  if (part.parts.length === 0) return part.contentType === type && !/^attachment/i.test(disposition) ? part.body : undefined;
  for (const child of part.parts) {
    const found = firstLeaf(child, type);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function parseMime(raw: string | Buffer): ParsedMail {
  const text = typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : raw.toString('latin1');
  const root = parseEntity(text, 0);
  const plain = firstLeaf(root, 'text/plain');
  const html = firstLeaf(root, 'text/html');
  return {
    ...root,
    header: (name) => root.headers.find(([n]) => n === name.toLowerCase())?.[1],
    headerAll: (name) => root.headers.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v),
    ...(plain !== undefined && { text: plain }),
    ...(html !== undefined && { html }),
  };
}

/** The addresses in an address header (display names and comments dropped), lower case. */
export function addressesIn(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const m of value.matchAll(/<([^<>\s]+@[^<>\s]+)>|([^\s,;<>"()]+@[^\s,;<>"()]+)/g)) {
    const a = (m[1] ?? m[2] ?? '').toLowerCase();
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}

/** A parsed RFC 5322 date as an Instant (UTC), or undefined. */
export function instantOfMailDate(value: string | undefined): Instant | undefined {
  if (!value) return undefined;
  const dt = DateTime.fromRFC2822(value.replace(/\s*\([^)]*\)\s*$/, '').trim());
  return dt.isValid ? (dt.toUTC().toISO({ suppressMilliseconds: true }) as string) : undefined;
}
