/**
 * R13: the month's agenda card in each partner's linked conversation(s). Posted once per
 * conversation and month (keyed); when it was posted before, the card is updated in place instead,
 * so running it again after the flag deadline (R15) makes the card say whether the meeting is on.
 * The CLI calls it now; the scheduler will call it on invitation day and at the deadline.
 */
import { flagMonthAt } from '../../shared/rules/flags';
import type { YearMonth } from '../../shared/rules/types';
import { baseViewer } from '../cards/views';
import { targetOf, trackCard, type BotLink } from './conversations';
import { cardMessage } from './notifier';
import { renderAgenda, viewUserIds } from './render';
import type { BotRuntime } from './runtime';

export type AgendaPostOutcome = 'posted' | 'updated' | 'not-linked' | 'gone' | 'failed';

export interface AgendaPostResult {
  landlordId: string;
  month: YearMonth;
  /** Ids and outcomes only (the CLI may print them; no names). */
  results: { partnerId: string; conversationId?: string; outcome: AgendaPostOutcome }[];
}

export async function postAgendasWith(
  rt: BotRuntime,
  requested: YearMonth | undefined,
  landlordId: string,
  options: { partnerId?: string } = {},
): Promise<AgendaPostResult> {
  const landlord = await rt.services.landlord(landlordId);
  if (!landlord) throw new Error(`postAgendas: unknown landlord ${landlordId}`);
  // Default: the next consultation whose flag deadline has not passed (R15).
  const month = requested ?? flagMonthAt(rt.now(), { closingDays: landlord.closingDays });
  const ports = rt.services.systemReads(landlordId);
  const results: AgendaPostResult['results'] = [];
  const partners = (await ports.partners.list()).filter((p) => !options.partnerId || p.id === options.partnerId);
  for (const partner of partners) {
    const links = (await ports.conversations.listByPartner(partner.id)) as BotLink[];
    if (links.length === 0) results.push({ partnerId: partner.id, outcome: 'not-linked' });
    for (const link of links) {
      const target = targetOf(link, landlordId);
      if (!target) {
        results.push({ partnerId: partner.id, conversationId: link.conversationId, outcome: 'gone' });
        continue;
      }
      const userIds = await viewUserIds(rt, landlordId, link, partner.id);
      const { card } = await renderAgenda(rt, { landlord, partnerId: partner.id, month, viewer: baseViewer(true), userIds });
      const key = `agenda|${landlordId}|${partner.id}|${month}|${link.conversationId}`;
      const sent = await rt.sender.post(target, cardMessage(card), key);
      let outcome: AgendaPostOutcome;
      if (sent.status === 'sent') {
        await trackCard(ports.conversations, link.conversationId, { kind: 'agenda', partnerId: partner.id, month, activityId: sent.activityId, at: rt.now() });
        outcome = 'posted';
      } else if (sent.status === 'duplicate' && sent.activityId) {
        const updated = await rt.sender.update(target, sent.activityId, cardMessage(card));
        outcome = updated.status === 'sent' ? 'updated' : updated.status === 'gone' ? 'gone' : 'failed';
      } else {
        outcome = sent.status === 'gone' ? 'gone' : 'failed';
      }
      results.push({ partnerId: partner.id, conversationId: link.conversationId, outcome });
    }
  }
  rt.deps.logger.info({ landlordId, month, results: results.map((r) => `${r.partnerId}:${r.outcome}`).join(',') }, 'teams: agendas posted');
  return { landlordId, month, results };
}
