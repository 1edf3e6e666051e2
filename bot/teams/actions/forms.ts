/** Submitting the signal (R7-R9) and absence (R5) forms; the form id makes a second submit a no-op. */
import { botMessages } from '../../../shared/messages/bot';
import { dossierNotFound } from '../../../shared/rules/access';
import { raiseSignal, reportAbsence } from '../../../shared/services';
import type { SignalCategory } from '../../../shared/rules/types';
import type { AdaptiveCard } from '../../cards/card';
import { noticeCard } from '../../cards/message-cards';
import type { KnownTurn, Turn } from '../turn';
import { formIdOf, idListOf, str, type ActionData } from './data';

export async function submitSignal(_turn: Turn, known: KnownTurn, data: ActionData): Promise<AdaptiveCard> {
  const m = botMessages.signal;
  const dossierId = str(data, 'dossierId') ?? '';
  const formId = formIdOf(data);
  const result = await raiseSignal(known.ctx, {
    dossierId,
    category: (str(data, 'category') ?? '') as SignalCategory,
    description: str(data, 'description') ?? '',
    ...(formId ? { signalId: formId } : {}),
  });
  const dossier = await known.ports.dossiers.get(result.signal.dossierId);
  if (!dossier) throw dossierNotFound();
  // A repeat tells the landlord again (delivered once): only a failing telling is worth a warning.
  if (!result.changed) return result.notified ? noticeCard({ tone: 'default', text: m.alreadySent }) : noticeCard({ tone: 'attention', text: `${m.alreadySent} ${m.notNotified}` });
  const lines = [result.signal.category === 'safety' ? m.sentSafety(dossier.number) : m.sent(dossier.number)];
  if (result.signal.basis === 'safety-without-consent') lines.push(m.sentWithoutConsent); // R7/R9
  if (!result.notified) return noticeCard({ tone: 'attention', text: [...lines, m.notNotified].join(' ') });
  return noticeCard({ tone: 'good', text: lines.join(' ') });
}

export async function submitAbsence(_turn: Turn, known: KnownTurn, data: ActionData): Promise<AdaptiveCard> {
  const formId = formIdOf(data);
  const expectedUntil = str(data, 'expectedUntil');
  const result = await reportAbsence(known.ctx, {
    workerName: str(data, 'workerName') ?? '',
    from: str(data, 'from') ?? '',
    ...(expectedUntil ? { expectedUntil } : {}),
    replacementContact: str(data, 'replacementContact') ?? '',
    dossierIds: idListOf(data.dossierIds),
    ...(formId ? { absenceId: formId } : {}),
  });
  return noticeCard({ tone: result.changed ? 'good' : 'default', text: result.changed ? botMessages.absence.sent(result.absence.from) : botMessages.absence.alreadySent });
}
