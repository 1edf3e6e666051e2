/**
 * R16 (R4, R18, R19, R20): the coordinator sends the conclusions from the form; a partner member
 * confirms them, with or without a remark. A double click confirms once: the use case answers the
 * first confirmation for a repeat, and only a real change notifies (and updates the cards).
 */
import { botMessages } from '../../../shared/messages/bot';
import { authorizeForPartner } from '../../../shared/rules/access';
import { partnerSeesDossier } from '../../../shared/rules/agenda';
import type { ConclusionDecision } from '../../../shared/rules/types';
import { confirmConclusions, recordConclusions } from '../../../shared/services';
import type { AdaptiveCard } from '../../cards/card';
import { formField } from '../../cards/conclusions-card';
import type { BotLink } from '../conversations';
import type { KnownTurn, Turn } from '../turn';
import { idListOf, str, type ActionData } from './data';
import { renderFor } from './refresh';

type Ref = { partnerId: string; month: string };

export class NothingChecked extends Error {}

/** Ticked rows without a summary, named by dossier number (the use case would only say "a summary"). */
export class SummaryMissing extends Error {
  constructor(readonly numbers: string[]) {
    super('summary missing');
  }
}

/** The form's rows as the use case's input; a row not ticked "besproken" is left out. */
export function conclusionsFromForm(data: ActionData): { dossierId: string; summary: string; decision: ConclusionDecision }[] {
  const ids = idListOf(data.dossierIds).slice(0, 100);
  const rows = ids.flatMap((dossierId, i) => {
    if (str(data, formField(i, 'on')) !== 'true') return [];
    const kind = str(data, formField(i, 'decision')) ?? '';
    // R20: the months only matter for an extension; the use case checks the kind and the multiple of 3.
    const decision = (kind === 'extend' ? { kind, months: Number(str(data, formField(i, 'months'))) } : { kind }) as ConclusionDecision;
    return [{ dossierId, summary: str(data, formField(i, 'summary')) ?? '', decision }];
  });
  if (rows.length === 0) throw new NothingChecked();
  return rows;
}

export const formKeys = (data: ActionData): string[] =>
  idListOf(data.dossierIds)
    .slice(0, 100)
    .flatMap((_, i) => (['on', 'summary', 'decision', 'months'] as const).map((f) => formField(i, f)));

export async function recordFromForm(turn: Turn, known: KnownTurn, ref: Ref, data: ActionData): Promise<AdaptiveCard> {
  const conclusions = conclusionsFromForm(data);
  // Checked before anything is looked up: only the coordinator, only this partner's dossiers are named.
  authorizeForPartner(known.user, 'conclusions.record', { landlordId: known.landlord.id, partnerId: ref.partnerId });
  const empty = conclusions.filter((c) => c.summary.trim() === '');
  if (empty.length > 0) {
    const dossiers = await Promise.all(empty.map((c) => known.ports.dossiers.get(c.dossierId)));
    const own = dossiers.filter((d): d is NonNullable<typeof d> => d !== undefined && partnerSeesDossier(d, ref.partnerId));
    if (own.length === empty.length) throw new SummaryMissing(own.map((d) => d.number));
  }
  await recordConclusions(known.ctx, { partnerId: ref.partnerId, month: ref.month, conclusions });
  const linked = ((await known.ports.conversations.listByPartner(ref.partnerId)) as BotLink[]).filter((l) => !l.goneAt).length;
  const text = linked > 0 ? botMessages.conclusions.sent(linked) : botMessages.conclusions.sentNoConversation;
  return renderFor(turn, known, { kind: 'conclusions', ...ref }, { notice: { tone: linked > 0 ? 'good' : 'attention', text } });
}

export async function confirmFromCard(turn: Turn, known: KnownTurn, ref: Ref, data: ActionData): Promise<AdaptiveCard> {
  const remark = str(data, 'remark');
  await confirmConclusions(known.ctx, { month: ref.month, partnerId: ref.partnerId, ...(remark && remark.trim() ? { remark } : {}) });
  return renderFor(turn, known, { kind: 'conclusions', ...ref }, { notice: { tone: 'good', text: botMessages.conclusions.confirmed } });
}

