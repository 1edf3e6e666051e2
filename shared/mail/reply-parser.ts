/**
 * R15: the dossier numbers in a partner's reply to an invitation, one per line with its problem
 * statement ("VT-2025-014: afspraken worden niet nagekomen"). Nothing is guessed: a line with two
 * numbers, or a number without a statement, is reported so a person can look at it.
 */

/** Dossier numbers as the product makes them (VT-2025-014, AW-2026-402). */
const NUMBER = /\b(?:VT|AW)-\d{4}-\d{3,}\b/gi;
/** Separators between a number and its statement. */
const LEADING_SEPARATORS = /^[\s:;,.\-–—=>*•)]+/;
const TRAILING_SEPARATORS = /[\s:;,\-–—]+$/;

// Where the quoted earlier message starts, in the mail programs partners use (nl, en, fr).
const QUOTE_START = [
  /^-{2,}\s*(original message|oorspronkelijk bericht|doorgestuurd bericht|forwarded message|message d'origine)/i,
  /^_{8,}\s*$/,
  /^(van|from|verzonden|sent|de|envoyé)\s*:\s*\S/i,
  /(schreef|wrote|a écrit)\s*:?\s*$/i,
  /^(op|on|le)\s.*\b(schreef|wrote|a écrit)\b.*:\s*$/i,
  /^-- $/,
];

/** The reply's own text: quoted lines ("> ...") and everything from the quoted header on are left out. */
export function stripQuoted(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_START.some((re) => re.test(line.trimEnd()))) break;
    if (/^\s*>/.test(line)) continue;
    out.push(line);
  }
  return out.join('\n');
}

export interface FlagLine {
  number: string;
  /** The statement on the same line; undefined when the line holds only the number. */
  problem?: string;
}

export interface ParsedReply {
  lines: FlagLine[];
  /** Numbers on lines with more than one number: which statement belongs to which is not guessed. */
  ambiguous: string[];
}

export function parseFlagReply(text: string, quotedRemoved: boolean): ParsedReply {
  const own = quotedRemoved ? text : stripQuoted(text);
  const lines: FlagLine[] = [];
  const ambiguous: string[] = [];
  const seen = new Set<string>();
  for (const raw of own.split(/\r?\n/)) {
    const numbers = [...raw.matchAll(NUMBER)].map((m) => m[0].toUpperCase());
    if (numbers.length === 0) continue;
    if (new Set(numbers).size > 1) {
      for (const n of numbers) if (!seen.has(n) && !ambiguous.includes(n)) ambiguous.push(n);
      continue;
    }
    const number = numbers[0] as string;
    if (seen.has(number)) continue; // the first line about a dossier counts
    seen.add(number);
    const rest = raw.replace(NUMBER, ' ').replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '').replace(/\s+/g, ' ').trim();
    lines.push(rest ? { number, problem: rest } : { number });
  }
  return { lines, ambiguous: ambiguous.filter((n) => !seen.has(n)) };
}
