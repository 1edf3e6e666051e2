/**
 * Routes a card's Action.Execute (adaptiveCard/action) to its handler and always answers with a
 * card: the result, or on a refusal the same card again with the Dutch reason on top (what the user
 * typed is kept). A redelivered invoke only renders: no effect twice.
 */
import type { AdaptiveCard, CardRef } from '../../cards/card';
import { noticeCard } from '../../cards/message-cards';
import { botMessages } from '../../../shared/messages/bot';
import { describeError, type KnownTurn, type Turn } from '../turn';
import { conclusionsForm, flagFromCard, withdrawFromCard } from './agenda';
import { confirmFromCard, formKeys, NothingChecked, recordFromForm, SummaryMissing } from './conclusions';
import { cardRefOf, formIdOf, idListOf, inputValues, str, type ActionData } from './data';
import { submitAbsence, submitSignal } from './forms';
import { renderFor } from './refresh';
import { partnerSeesDossier } from '../../../shared/rules/access';
import { scopeOf } from '../reply';

const SIGNAL_KEYS = ['dossierId', 'category', 'description'];
const ABSENCE_KEYS = ['workerName', 'from', 'expectedUntil', 'replacementContact', 'dossierIds'];
const FLAG_KEYS = ['dossierId', 'problem'];

type Kind = CardRef['kind'];
type RefOf<K extends Kind> = Extract<CardRef, { kind: K }>;

interface CardAction<K extends Kind> {
  /** The cards that carry this action; from any other card the verb is refused. */
  cards: readonly K[];
  run(turn: Turn, known: KnownTurn, ref: RefOf<K>, data: ActionData): Promise<AdaptiveCard>;
}

const action = <K extends Kind>(a: CardAction<K>): CardAction<Kind> => a as unknown as CardAction<Kind>;

/**
 * Every verb the bot answers, with the cards it may come from (the abuse tests take this table, so a
 * verb added tomorrow is attacked too). 'refresh' re-renders any card and has no effect.
 */
export const CARD_ACTIONS = {
  refresh: action({ cards: ['agenda', 'conclusions', 'conclusions-form', 'signal-form', 'absence-form'], run: (turn, known, ref, data) => renderFor(turn, known, ref, withFormId(data)) }),
  'agenda.flag': action({ cards: ['agenda'], run: flagFromCard }),
  'agenda.withdraw': action({ cards: ['agenda'], run: withdrawFromCard }),
  'conclusions.form': action({ cards: ['conclusions-form', 'agenda'], run: (turn, known, ref) => conclusionsForm(turn, known, ref) }),
  'conclusions.record': action({ cards: ['conclusions-form'], run: recordFromForm }),
  'conclusions.confirm': action({ cards: ['conclusions'], run: confirmFromCard }),
  'signal.submit': action({ cards: ['signal-form'], run: (turn, known, _ref, data) => submitSignal(turn, known, data) }),
  'absence.submit': action({ cards: ['absence-form'], run: (turn, known, _ref, data) => submitAbsence(turn, known, data) }),
} as const satisfies Record<string, CardAction<Kind>>;

export type Verb = keyof typeof CARD_ACTIONS;

const withFormId = (data: ActionData) => {
  const formId = formIdOf(data);
  return formId ? { formId } : {};
};

const actionFor = (verb: string | undefined, kind: Kind): CardAction<Kind> | undefined => {
  const found = verb !== undefined && Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb as Verb] : undefined;
  return found?.cards.includes(kind) ? found : undefined;
};

/**
 * In a shared chat a card acts on, and shows, the linked partner's data only, as the chat commands
 * do (scopeOf): a card of another partner (a forwarded or forged action, a refresh) or a form naming
 * a dossier that partner does not see is refused, whoever clicks, even a member of both. Nothing of
 * the other partner is rendered: the refusal is a bare notice. undefined: go on.
 */
async function sharedChatRefusal(turn: Turn, known: KnownTurn, ref: CardRef, data: ActionData): Promise<string | undefined> {
  if (!turn.shared) return undefined;
  const scope = scopeOf(turn, known);
  if (!scope.ok) return scope.message;
  const linked = scope.partnerId as string;
  if ('partnerId' in ref && ref.partnerId !== linked) return botMessages.cardOfOtherPartner;
  const named = [str(data, 'dossierId'), ...idListOf(data.dossierIds)].filter((id): id is string => Boolean(id));
  for (const id of named) {
    const dossier = await known.ports.dossiers.get(id);
    if (!dossier || !partnerSeesDossier(dossier, linked)) return botMessages.cardOfOtherPartner;
  }
  return undefined;
}

export async function handleAction(turn: Turn, known: KnownTurn, verb: string | undefined, rawData: unknown): Promise<AdaptiveCard> {
  const data = (typeof rawData === 'object' && rawData !== null ? rawData : {}) as ActionData;
  const ref = cardRefOf(data);
  if (!ref) return noticeCard({ tone: 'attention', text: botMessages.unexpected });
  const formId = formIdOf(data);
  // What to show again after a refusal: the card with the values typed.
  const keys = ref.kind === 'signal-form' ? SIGNAL_KEYS : ref.kind === 'absence-form' ? ABSENCE_KEYS : ref.kind === 'conclusions-form' ? formKeys(data) : verb === 'agenda.flag' ? FLAG_KEYS : [];
  const again = (text: string) =>
    renderFor(turn, known, ref, { notice: { tone: 'attention', text }, values: inputValues(data, keys), ...(formId ? { formId } : {}) });

  const refusal = await sharedChatRefusal(turn, known, ref, data);
  if (refusal) return noticeCard({ tone: 'attention', text: refusal });
  try {
    if (turn.duplicate) return await CARD_ACTIONS.refresh.run(turn, known, ref, data);
    const chosen = actionFor(verb, ref.kind);
    return chosen ? await chosen.run(turn, known, ref, data) : noticeCard({ tone: 'attention', text: botMessages.unexpected });
  } catch (error) {
    const text =
      error instanceof NothingChecked
        ? botMessages.conclusions.nothingChecked
        : error instanceof SummaryMissing
          ? botMessages.conclusions.summaryMissing(error.numbers.join(', '))
          : describeError(turn.rt, error, `action:${/^[a-z.]{1,40}$/.test(verb ?? '') ? verb : 'unknown'}`); // the verb comes from the client
    try {
      return await again(text);
    } catch {
      return noticeCard({ tone: 'attention', text });
    }
  }
}
