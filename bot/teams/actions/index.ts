/**
 * Routes a card's Action.Execute (adaptiveCard/action) to its handler and always answers with a
 * card: the result, or on a refusal the same card again with the Dutch reason on top (what the user
 * typed is kept). A redelivered invoke only renders: no effect twice.
 */
import type { AdaptiveCard } from '../../cards/card';
import { noticeCard } from '../../cards/message-cards';
import { botMessages } from '../../../shared/messages/bot';
import { describeError, type KnownTurn, type Turn } from '../turn';
import { conclusionsForm, flagFromCard } from './agenda';
import { confirmFromCard, formKeys, NothingChecked, recordFromForm, SummaryMissing } from './conclusions';
import { cardRefOf, formIdOf, inputValues, type ActionData } from './data';
import { submitAbsence, submitSignal } from './forms';
import { renderFor } from './refresh';

const SIGNAL_KEYS = ['dossierId', 'category', 'description'];
const ABSENCE_KEYS = ['workerName', 'from', 'expectedUntil', 'replacementContact', 'dossierIds'];

export async function handleAction(turn: Turn, known: KnownTurn, verb: string | undefined, rawData: unknown): Promise<AdaptiveCard> {
  const data = (typeof rawData === 'object' && rawData !== null ? rawData : {}) as ActionData;
  const ref = cardRefOf(data);
  if (!ref) return noticeCard({ tone: 'attention', text: botMessages.unexpected });
  const formId = formIdOf(data);
  // What to show again after a refusal: the card with the values typed.
  const keys = ref.kind === 'signal-form' ? SIGNAL_KEYS : ref.kind === 'absence-form' ? ABSENCE_KEYS : ref.kind === 'conclusions-form' ? formKeys(data) : [];
  const again = (text: string) =>
    renderFor(turn, known, ref, { notice: { tone: 'attention', text }, values: inputValues(data, keys), ...(formId ? { formId } : {}) });

  try {
    if (turn.duplicate || verb === 'refresh') return await renderFor(turn, known, ref, formId ? { formId } : {});
    if (verb === 'agenda.flag' && ref.kind === 'agenda') return await flagFromCard(turn, known, ref, data);
    if (verb === 'conclusions.form' && (ref.kind === 'conclusions-form' || ref.kind === 'agenda')) return await conclusionsForm(turn, known, ref);
    if (verb === 'conclusions.record' && ref.kind === 'conclusions-form') return await recordFromForm(turn, known, ref, data);
    if (verb === 'conclusions.confirm' && ref.kind === 'conclusions') return await confirmFromCard(turn, known, ref, data);
    if (verb === 'signal.submit' && ref.kind === 'signal-form') return await submitSignal(turn, known, data);
    if (verb === 'absence.submit' && ref.kind === 'absence-form') return await submitAbsence(turn, known, data);
    return noticeCard({ tone: 'attention', text: botMessages.unexpected });
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
