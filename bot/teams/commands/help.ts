/** help: a card with the commands this user can use in this conversation. */
import { helpCard } from '../../cards/message-cards';
import { replyCard } from '../reply';
import type { KnownTurn, Turn } from '../turn';

export async function help(turn: Turn, known: KnownTurn): Promise<void> {
  const linked = known.link.partnerId ? await known.ports.partners.get(known.link.partnerId) : undefined;
  await replyCard(
    turn,
    helpCard({
      name: known.user.displayName,
      role: known.user.role,
      shared: turn.shared,
      ...(linked ? { linkedPartner: linked.name } : {}),
      alertChannel: known.link.isLandlordAlertChannel === true,
    }),
  );
}
