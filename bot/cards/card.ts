/**
 * Adaptive Card building blocks (schema 1.5, the highest Teams renders). Cards are plain JSON built
 * in TypeScript, not templates: user text never passes through an expression language.
 *
 * Text safety: Teams renders markdown in TextBlock and FactSet values. The cards use neither for
 * text: every piece of text is a TextRun in a RichTextBlock, which is never parsed as markdown, and
 * `plain` also defuses autolinking, so text a person typed (a problem statement, a summary, a remark)
 * cannot inject a link. `md` is there for the one place that needs markdown (none so far).
 */

import { botMessages } from '../../shared/messages/bot';

const cardTexts = botMessages.card;

export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type Element = { type: string; [key: string]: Json | undefined };
export type Action = { type: string; title: string; [key: string]: Json | undefined };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Element[];
  actions?: Action[];
  refresh?: { action: Action; userIds?: string[] };
  [key: string]: Json | undefined;
}

/** What a card action carries back (Action.Execute `data`): enough to re-render the card. */
export type CardRef =
  | { kind: 'agenda'; partnerId: string; month: string }
  | { kind: 'conclusions'; partnerId: string; month: string }
  | { kind: 'conclusions-form'; partnerId: string; month: string }
  | { kind: 'signal-form' }
  | { kind: 'absence-form' };

export function adaptiveCard(body: Element[], actions: Action[] = [], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...extra,
  };
  if (actions.length > 0) card.actions = actions;
  return card;
}

export const attachment = (card: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content: card });

// ---------------------------------------------------------------------------------------------
// Escaping

// C0/C1 controls (except newline and tab), bidi overrides and isolates: never shown.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ZWSP = '\u200b';

/**
 * Person-written text for a TextRun: no control characters, and URLs broken with a zero-width space
 * so no client turns them into a link ("https://x" shows as typed but is not clickable).
 */
export function plain(text: string): string {
  return text.replace(HIDDEN, '').replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/**
 * Our own text inside markdown (TextBlock, FactSet): the characters that make links, emphasis, code
 * and autolinks are escaped, and so is a list or heading marker at the start of a line.
 */
export function md(text: string): string {
  return plain(text)
    .replace(/[\\`*_[\]()<>~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+\.)/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}

// ---------------------------------------------------------------------------------------------
// Elements. All text is a RichTextBlock of TextRuns: a TextRun is never parsed as markdown, so no
// escaping is needed and nothing a person typed can become a link or change the layout.

export interface RunOptions {
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  italic?: boolean;
}

export interface BlockOptions {
  spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  separator?: boolean;
}

export const run = (value: string, options: RunOptions = {}): Json => ({ type: 'TextRun', text: plain(value), ...options });

/** One paragraph of runs. */
export const paragraph = (runs: Json[], options: BlockOptions = {}): Element => ({ type: 'RichTextBlock', inlines: runs, ...options });

/** One paragraph of text (ours or a person's: both are TextRuns). */
export const text = (value: string, options: RunOptions & BlockOptions = {}): Element => {
  const { spacing, separator, ...runOptions } = options;
  return paragraph([run(value, runOptions)], { ...(spacing ? { spacing } : {}), ...(separator ? { separator } : {}) });
};

export const heading = (value: string, size: RunOptions['size'] = 'medium'): Element => text(value, { size, weight: 'bolder' });

/** Person-written text, marked as such (italic) so it is not taken for the bot's own words. */
export const userText = (value: string, options: BlockOptions = {}): Element => paragraph([run(value, { italic: true })], options);

/** A label in bold followed by text, in one paragraph. */
export const labelled = (label: string, value: string, valueOptions: RunOptions = {}): Element =>
  paragraph([run(`${label} `, { weight: 'bolder' }), run(value, valueOptions)]);

/** Label/value rows (a FactSet would render its values as markdown in Teams). */
export const facts = (rows: readonly (readonly [string, string])[]): Element => ({
  type: 'Container',
  items: rows.map(([label, value]) => ({
    type: 'ColumnSet',
    spacing: 'none',
    columns: [
      { type: 'Column', width: 'auto', items: [text(label, { weight: 'bolder' })] },
      { type: 'Column', width: 'stretch', items: [text(value)] },
    ],
  })),
});

export const container = (
  items: Element[],
  options: { style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent'; separator?: boolean; spacing?: BlockOptions['spacing'] } = {},
): Element => ({ type: 'Container', items, ...options });

/** A list of lines, each its own paragraph with a bullet. */
export const bullets = (lines: readonly string[]): Element[] => lines.map((line) => paragraph([run(`• ${line}`)], { spacing: 'none' }));

// ---------------------------------------------------------------------------------------------
// Inputs

export interface Choice {
  title: string;
  value: string;
}

export const choices = (list: readonly Choice[]): Json[] => list.map((c) => ({ title: plain(c.title), value: c.value }));

/** A required input's error says what to do; without `errorMessage` a generic sentence, never the label itself. */
const requiredError = (options: { errorMessage?: string }, fallback: string) => plain(options.errorMessage ?? fallback);

export function choiceInput(
  id: string,
  label: string,
  list: readonly Choice[],
  options: { value?: string; multi?: boolean; required?: boolean; errorMessage?: string; placeholder?: string; style?: 'compact' | 'expanded' } = {},
): Element {
  return {
    type: 'Input.ChoiceSet',
    id,
    label: plain(label),
    choices: choices(list),
    style: options.style ?? 'compact',
    ...(options.multi ? { isMultiSelect: true } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: requiredError(options, cardTexts.choose) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
  };
}

/**
 * A text input. No `maxLength`: Teams cuts a longer text at it without a word; the services check every
 * typed text against shared/rules/free-text.ts and refuse a too-long one in Dutch, the card coming back
 * with what was typed.
 */
export function textInput(
  id: string,
  label: string,
  options: { multiline?: boolean; required?: boolean; errorMessage?: string; placeholder?: string; value?: string } = {},
): Element {
  return {
    type: 'Input.Text',
    id,
    label: plain(label),
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.required ? { isRequired: true, errorMessage: requiredError(options, cardTexts.fill) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
    ...(options.value !== undefined ? { value: plain(options.value) } : {}),
  };
}

export const dateInput = (id: string, label: string, options: { required?: boolean; errorMessage?: string; value?: string } = {}): Element => ({
  type: 'Input.Date',
  id,
  label: plain(label),
  ...(options.required ? { isRequired: true, errorMessage: requiredError(options, cardTexts.date) } : {}),
  ...(options.value ? { value: options.value } : {}),
});

export const numberInput = (id: string, label: string, options: { min?: number; max?: number; value?: number } = {}): Element => ({
  type: 'Input.Number',
  id,
  label: plain(label),
  ...options,
});

export const toggleInput = (id: string, title: string, value: boolean): Element => ({
  type: 'Input.Toggle',
  id,
  title: plain(title),
  value: value ? 'true' : 'false',
  valueOn: 'true',
  valueOff: 'false',
});

// ---------------------------------------------------------------------------------------------
// Actions

/** Universal Action: the verb and the data (with the card reference) come back in an invoke. */
export function execute(title: string, verb: string, data: Record<string, Json>, options: { style?: 'positive' | 'destructive' } = {}): Action {
  return { type: 'Action.Execute', title: plain(title), verb, data, ...(options.style ? { style: options.style } : {}) };
}

/** Buttons inside the body, next to what they act on. */
export const actionSet = (actions: Action[]): Element => ({ type: 'ActionSet', actions: actions as unknown as Json });

export const showCard = (title: string, card: AdaptiveCard): Action => ({ type: 'Action.ShowCard', title: plain(title), card: card as unknown as Json });

export const openUrl = (title: string, url: string): Action => ({ type: 'Action.OpenUrl', title: plain(title), url });

/** What a dialog button carries to the bot's task/fetch (bot/teams/dialog.ts): which page to open. */
export type DialogRef = { page: 'dossiers' } | { page: 'dossier'; dossierId: string; number: string };

/** A button that opens a Teams dialog: the bot answers its task/fetch with the page's URL. */
export const openDialog = (title: string, ref: DialogRef): Action => ({
  type: 'Action.Submit',
  title: plain(title),
  data: { msteams: { type: 'task/fetch' }, ...ref },
});

/** A nested card for Action.ShowCard (no $schema/version of its own needed, but harmless). */
export const subCard = (body: Element[], actions: Action[]): AdaptiveCard => adaptiveCard(body, actions);

/** User-specific views (Teams): the listed users' clients invoke `refresh` and show their own view. */
export function withRefresh(card: AdaptiveCard, ref: CardRef, userIds: readonly string[] | undefined): AdaptiveCard {
  if (!userIds || userIds.length === 0) return card;
  // Teams refreshes automatically for at most 60 users.
  return { ...card, refresh: { action: { type: 'Action.Execute', title: 'refresh', verb: 'refresh', data: { card: ref as unknown as Json } }, userIds: userIds.slice(0, 60) } };
}
