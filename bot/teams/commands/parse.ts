/**
 * Chat commands in Dutch, forgiving about case, accents, punctuation and the bot's @mention; a typo
 * gets a suggestion of the nearest command instead of a guess (a wrong "koppel" must not run).
 */
import { MONTH_NAMES } from '../../../shared/messages/dates';

export type CommandName =
  | 'help'
  | 'dossiers'
  | 'dossier'
  | 'agenda'
  | 'conclusions'
  | 'signal'
  | 'absence'
  | 'contact'
  | 'link'
  | 'unlink'
  | 'alertChannel';

/** Words (normalised) per command; the first is the one suggested. Longer phrases are tried first. */
export const VOCABULARY: Readonly<Record<CommandName, readonly string[]>> = {
  help: ['help', 'hulp', 'menu', 'start', '?'],
  dossiers: ['mijn dossiers', 'dossiers', 'lijst'],
  dossier: ['dossier'],
  agenda: ['agenda'],
  conclusions: ['conclusies', 'conclusie', 'bevestigen'],
  signal: ['signaal', 'signaleer', 'signalen'],
  absence: ['afwezigheid', 'afwezig'],
  contact: ['contact', 'contactgegevens'],
  link: ['koppel'],
  unlink: ['ontkoppel'],
  alertChannel: ['alarmkanaal'],
};

export type Parsed =
  | { kind: 'empty' }
  | { kind: 'command'; name: CommandName; args: string[] }
  | { kind: 'suggestion'; typed: string; suggestion: string }
  | { kind: 'unknown'; typed: string };

/** Lower case, no accents, no mention tags, single spaces; keeps letters, digits, '-', '?'. */
export function normalise(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?\-/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const PHRASES = (Object.entries(VOCABULARY) as [CommandName, readonly string[]][])
  .flatMap(([name, words]) => words.map((phrase) => ({ name, phrase, words: phrase.split(' ').length })))
  .sort((a, b) => b.words - a.words);

/** How far off a word may be: short words allow one mistake, longer ones two. */
const tolerance = (phrase: string) => (phrase.length <= 4 ? 1 : 2);

export function parseCommand(text: string): Parsed {
  const normal = normalise(text);
  if (normal === '') return { kind: 'empty' };
  const tokens = normal.split(' ');
  for (const p of PHRASES) {
    if (tokens.slice(0, p.words).join(' ') === p.phrase) return { kind: 'command', name: p.name, args: tokens.slice(p.words) };
  }
  let best: { name: CommandName; phrase: string; words: number; score: number } | undefined;
  for (const p of PHRASES) {
    const typed = tokens.slice(0, p.words).join(' ');
    const score = distance(typed, p.phrase);
    if (score <= tolerance(p.phrase) && score < p.phrase.length / 2 && (!best || score < best.score)) best = { ...p, score };
  }
  const typed = text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  if (!best) return { kind: 'unknown', typed };
  const canonical = (VOCABULARY[best.name] as readonly string[])[0] as string;
  const rest = tokens.slice(best.words).join(' ');
  return { kind: 'suggestion', typed, suggestion: rest ? `${canonical} ${rest}` : canonical };
}

/** "2025-11" or "11/2025" or "11-2025" as a YearMonth, else undefined. */
export function monthArg(arg: string | undefined): string | undefined {
  if (!arg) return undefined;
  const ym = /^(\d{4})-(\d{1,2})$/.exec(arg);
  if (ym) return `${ym[1]}-${(ym[2] as string).padStart(2, '0')}`;
  const my = /^(\d{1,2})[-/](\d{4})$/.exec(arg);
  if (my) return `${my[2]}-${(my[1] as string).padStart(2, '0')}`;
  return undefined;
}


/** "november", "nov" or "nov." as a month number 1-12, else undefined. */
export function monthNameArg(arg: string | undefined): number | undefined {
  const word = (arg ?? '').toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name === word || name.startsWith(word));
  return index < 0 ? undefined : index + 1;
}

/**
 * The month at the end of a command's words: "2025-11", "11/2025", "november 2025", or "november"
 * alone (that month this year, or next year when it is more than 6 months ago). `used` is how many
 * words it took.
 */
export function trailingMonth(args: readonly string[], today: string): { month?: string; used: number } {
  const last = args[args.length - 1];
  const plain = monthArg(last);
  if (plain) return { month: plain, used: 1 };
  if (last && /^\d{4}$/.test(last)) {
    const named = monthNameArg(args[args.length - 2]);
    if (named) return { month: `${last}-${String(named).padStart(2, '0')}`, used: 2 };
  }
  const named = monthNameArg(last);
  if (!named) return { used: 0 };
  const [year, current] = today.split('-').map(Number) as [number, number];
  const y = current - named > 6 ? year + 1 : named - current > 6 ? year - 1 : year;
  return { month: `${y}-${String(named).padStart(2, '0')}`, used: 1 };
}

/** Candidate dossier numbers for what someone typed: "vt-2025-14", "2025-014", "VT-2025-014". */
export function dossierNumberCandidates(arg: string): string[] {
  const upper = arg.trim().toUpperCase();
  const match = /^(?:([A-Z]{1,4})-)?(\d{4})-(\d{1,5})$/.exec(upper);
  if (!match) return [upper];
  const [, prefix, year, n] = match;
  const numbers = [...new Set([n as string, (n as string).padStart(3, '0')])];
  const prefixes = prefix ? [prefix] : ['VT', 'AW'];
  return prefixes.flatMap((p) => numbers.map((num) => `${p}-${year}-${num}`));
}
