/**
 * dossier <nummer>: one dossier with its timeline and the R5 contact details. In a shared chat only a
 * dossier of the linked partner, shown with initials; any other answers "not found" like a missing one.
 */
import { botMessages } from '../../../shared/messages/bot';
import { dossierNotFound } from '../../../shared/rules/access';
import { partnerSeesDossier } from '../../../shared/rules/agenda';
import { getDossier } from '../../../shared/services';
import { dossierCard } from '../../cards/dossier-cards';
import { replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';
import { dossierNumberCandidates } from './parse';

export async function dossier(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  if (args.length === 0) return replyText(turn, botMessages.dossierWhich);
  const scope = scopeOf(turn, known);
  if (!scope.ok) return replyText(turn, scope.message);
  let found;
  for (const number of dossierNumberCandidates(args.join(''))) {
    found = await known.ports.dossiers.getByNumber(number);
    if (found) break;
  }
  // The linked partner's dossiers only, whoever asks: others are "not found" (nothing leaks).
  if (!found || (turn.shared && !partnerSeesDossier(found, scope.partnerId as string))) throw dossierNotFound();
  // Access check and audit; a shared chat gets no signal descriptions (least data in shared chats).
  const details = await getDossier(known.ctx, { dossierId: found.id, signalTexts: !turn.shared });
  await replyCard(turn, dossierCard({ details, shared: turn.shared, today: turn.rt.today() }));
}
