/**
 * Validates an Adaptive Card the way STACK.md found works: the `adaptivecards` parser (its parse
 * events: unknown types, bad enum values) and `validateProperties` (duplicate ids, missing required
 * properties), plus what the parser does not check: the card's version is set and at most 1.5 (what
 * Teams renders), and no element or action is newer than the card's version.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

interface VersionLike {
  major: number;
  minor: number;
  toString(): string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
  GlobalRegistry: {
    elements: { findByName(name: string): { schemaVersion: VersionLike } | undefined };
    actions: { findByName(name: string): { schemaVersion: VersionLike } | undefined };
  };
}

export const MAX_VERSION = '1.5';

const asNumber = (v: string) => {
  const [major, minor] = v.split('.').map(Number);
  return (major ?? 0) * 100 + (minor ?? 0);
};

/** Every element and action type used anywhere in the card, nested cards included. */
function typesIn(node: unknown, out: { elements: Set<string>; actions: Set<string> } = { elements: new Set(), actions: new Set() }) {
  if (Array.isArray(node)) node.forEach((n) => typesIn(n, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string') {
      if (obj.type.startsWith('Action.')) out.actions.add(obj.type);
      else if (!['AdaptiveCard', 'TextRun', 'Column', 'Fact', 'Input.Choice', 'TableCell', 'TableRow'].includes(obj.type)) out.elements.add(obj.type);
    }
    // An action's `data` is the payload sent back to the bot (e.g. msteams: { type: 'task/fetch' }), not card content.
    const isAction = typeof obj.type === 'string' && obj.type.startsWith('Action.');
    Object.entries(obj).forEach(([key, v]) => (isAction && key === 'data' ? undefined : typesIn(v, out)));
  }
  return out;
}

/** Problems found; an empty list means the card is valid. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { type?: unknown; version?: unknown };
  if (json.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (typeof json.version !== 'string' || !/^\d+\.\d+$/.test(json.version)) problems.push('version missing');
  else if (asNumber(json.version) > asNumber(MAX_VERSION)) problems.push(`version ${json.version} > ${MAX_VERSION}`);
  const version = typeof json.version === 'string' ? asNumber(json.version) : asNumber(MAX_VERSION);

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);

  const { elements, actions } = typesIn(card);
  for (const name of elements) {
    const entry = AC.GlobalRegistry.elements.findByName(name);
    if (!entry) problems.push(`unknown element ${name}`);
    else if (entry.schemaVersion.major * 100 + entry.schemaVersion.minor > version) problems.push(`${name} needs ${entry.schemaVersion.toString()}`);
  }
  for (const name of actions) {
    const entry = AC.GlobalRegistry.actions.findByName(name);
    if (!entry) problems.push(`unknown action ${name}`);
    else if (entry.schemaVersion.major * 100 + entry.schemaVersion.minor > version) problems.push(`${name} needs ${entry.schemaVersion.toString()}`);
  }
  // Teams shows at most about 28 KB of card.
  if (JSON.stringify(card).length > 28_000) problems.push('card larger than 28 KB');
  return problems;
}

/** Markdown link syntax anywhere in a markdown-rendered field (TextBlock text, FactSet values). */
export function markdownLinks(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const markdownFields = obj.type === 'TextBlock' ? [obj.text] : obj.type === 'FactSet' ? ((obj.facts as { value?: unknown }[]) ?? []).map((f) => f.value) : [];
    for (const f of markdownFields) if (typeof f === 'string' && /\[[^\]]*\]\([^)]*\)|<https?:/i.test(f)) found.push(f);
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return found;
}

/** All text a card shows (TextRuns, TextBlocks, facts, choice titles, input values): for leak checks. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node === 'string') return void parts.push(node);
    if (node && typeof node === 'object') Object.values(node as Record<string, unknown>).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}
