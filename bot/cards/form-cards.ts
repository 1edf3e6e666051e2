/** The forms a partner member fills in: a signal (R7-R9) and a support worker's absence (R5). */
import { randomUUID } from 'node:crypto';
import { botMessages } from '../../shared/messages/bot';
import { informationMessages } from '../../shared/messages/information';
import { SIGNAL_CATEGORIES } from '../../shared/rules/information';
import {
  adaptiveCard,
  choiceInput,
  dateInput,
  execute,
  heading,
  text,
  textInput,
  type AdaptiveCard,
  type Choice,
  type Element,
} from './card';
import { noticeBlock, type Notice } from './views';

/**
 * Every form carries its own id: submitting it twice (a double click, a redelivered invoke) stores
 * one signal or one absence, because the services take it as their idempotency key.
 */
export const newFormId = (): string => randomUUID();

/** A typed value put back only when it is one of the choices offered (nothing else is echoed). */
function offered(choicesOffered: readonly Choice[], value: string | undefined): string | undefined {
  if (!value) return undefined;
  const allowed = new Set(choicesOffered.map((c) => c.value));
  const kept = value.split(',').filter((v) => allowed.has(v));
  return kept.length > 0 ? kept.join(',') : undefined;
}

export function signalFormCard(input: { dossiers: readonly Choice[]; formId: string; notice?: Notice; values?: Record<string, string> }): AdaptiveCard {
  const m = botMessages.signal;
  const v = { ...(input.values ?? {}) };
  v.dossierId = offered(input.dossiers, v.dossierId) ?? '';
  const body: Element[] = [...noticeBlock(input.notice), heading(m.title), text(m.intro, { isSubtle: true, spacing: 'none' })];
  if (input.dossiers.length === 0) return adaptiveCard([...body, text(m.noDossiers)]);
  body.push(
    choiceInput('dossierId', m.dossier, input.dossiers, { required: true, ...(v.dossierId ? { value: v.dossierId } : {}) }),
    choiceInput(
      'category',
      m.category,
      SIGNAL_CATEGORIES.map((c) => ({ title: informationMessages.signalCategoryLabel[c], value: c })),
      { required: true, ...(v.category ? { value: v.category } : {}) },
    ),
    textInput('description', m.description, { multiline: true, required: true, ...(v.description ? { value: v.description } : {}) }),
  );
  return adaptiveCard(body, [execute(m.send, 'signal.submit', { card: { kind: 'signal-form' }, formId: input.formId }, { style: 'positive' })]);
}

export function absenceFormCard(input: { dossiers: readonly Choice[]; formId: string; notice?: Notice; values?: Record<string, string> }): AdaptiveCard {
  const m = botMessages.absence;
  const v = { ...(input.values ?? {}) };
  v.dossierIds = offered(input.dossiers, v.dossierIds) ?? '';
  const body: Element[] = [
    ...noticeBlock(input.notice),
    heading(m.title),
    text(m.intro, { isSubtle: true, spacing: 'none' }),
    textInput('workerName', m.workerName, { required: true, ...(v.workerName ? { value: v.workerName } : {}) }),
    dateInput('from', m.from, { required: true, ...(v.from ? { value: v.from } : {}) }),
    dateInput('expectedUntil', m.expectedUntil, v.expectedUntil ? { value: v.expectedUntil } : {}),
    textInput('replacementContact', m.replacementContact, { multiline: true, required: true, ...(v.replacementContact ? { value: v.replacementContact } : {}) }),
  ];
  if (input.dossiers.length > 0) body.push(choiceInput('dossierIds', m.dossiers, input.dossiers, { multi: true, ...(v.dossierIds ? { value: v.dossierIds } : {}) }));
  return adaptiveCard(body, [execute(m.send, 'absence.submit', { card: { kind: 'absence-form' }, formId: input.formId }, { style: 'positive' })]);
}
