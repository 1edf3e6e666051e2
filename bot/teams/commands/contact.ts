/** contact: R5, the general contact details of the support organisation (the landlord: all, or one named). */
import { partnerNotFound } from '../../../shared/rules/access';
import { contactCard } from '../../cards/dossier-cards';
import { matchPartners, replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';

export async function contact(turn: Turn, known: KnownTurn, args: string[]): Promise<void> {
  const partners = await known.ports.partners.list();
  const named = args.length > 0 && !turn.shared ? matchPartners(partners, args.join(' ')) : [];
  if (args.length > 0 && !turn.shared && named.length === 0) throw partnerNotFound();
  const scope = scopeOf(turn, known, named.length === 1 ? named[0] : undefined);
  if (!scope.ok) return replyText(turn, scope.message);
  const shown = scope.partnerId ? partners.filter((p) => p.id === scope.partnerId) : named.length > 0 ? named : partners;
  await replyCard(turn, contactCard(shown));
}
