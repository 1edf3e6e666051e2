/** Reading an Action.Execute's data: untrusted input from a card, checked field by field. */
import type { CardRef } from '../../cards/card';

export type ActionData = Record<string, unknown>;

const MAX_FIELD = 5000;

export const str = (data: ActionData, key: string): string | undefined => {
  const value = data[key];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.length <= MAX_FIELD ? value : undefined;
};

const id = (value: unknown): string | undefined => (typeof value === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : undefined);
const month = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? value : undefined);

/** The card an action came from; undefined for anything malformed. */
export function cardRefOf(data: ActionData): CardRef | undefined {
  const raw = data.card as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  switch (raw.kind) {
    case 'agenda':
    case 'conclusions':
    case 'conclusions-form': {
      const partnerId = id(raw.partnerId);
      const m = month(raw.month);
      return partnerId && m ? { kind: raw.kind, partnerId, month: m } : undefined;
    }
    case 'signal-form':
    case 'absence-form':
      return { kind: raw.kind };
    default:
      return undefined;
  }
}

/** Input values as typed (strings), to put back into a form after a refusal. */
export function inputValues(data: ActionData, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = str(data, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export const formIdOf = (data: ActionData): string | undefined => id(data.formId);

export function idListOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '');
}
