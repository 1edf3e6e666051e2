/** mijn dossiers: the open dossiers the user may see; in a shared chat only the linked partner's, by initials. */
import { botMessages } from '../../../shared/messages/bot';
import { listMyDossiers } from '../../../shared/services';
import { dossierListCard } from '../../cards/dossier-cards';
import { replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';

export async function dossiers(turn: Turn, known: KnownTurn): Promise<void> {
  const scope = scopeOf(turn, known);
  if (!scope.ok) return replyText(turn, scope.message);
  const list = await listMyDossiers(known.ctx, scope.partnerId ? { partnerId: scope.partnerId } : {});
  const partner = scope.partnerId ? await known.ports.partners.get(scope.partnerId) : undefined;
  const title = partner ? botMessages.dossiers.titleOfPartner(partner.name) : botMessages.dossiers.title;
  await replyCard(turn, dossierListCard({ title, dossiers: list, shared: turn.shared }));
}
