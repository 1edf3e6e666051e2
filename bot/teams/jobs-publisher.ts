/**
 * The calendar jobs' Teams port (shared/jobs/ports.ts TeamsPublisher), on the bot's one sender:
 * agenda cards are posted or updated in place per partner (R13; after the deadline the card says
 * whether the consultation takes place, R15); reminders and alerts for the coordinator go to the
 * landlord's alert channel(s), each at most once per key.
 */
import { calendarMessages } from '../../shared/messages/calendar';
import { trajectoryTimingMessages } from '../../shared/messages/milestones';
import { botJobMessages as msg } from '../../shared/messages/bot';
import type { AgendaCardMessage, ConsultationOffMessage, CoordinatorAlertMessage, CoordinatorReminderMessage, TeamsDelivery, TeamsPublisher } from '../../shared/jobs';
import { postAgendasWith } from './agendas';
import { targetOf, type BotLink } from './conversations';
import type { BotRuntime } from './runtime';

const textMessage = (text: string): Record<string, unknown> => ({ type: 'message', text, textFormat: 'plain' });

export class JobsTeamsPublisher implements TeamsPublisher {
  constructor(private readonly rt: BotRuntime) {}

  private async agenda(landlordId: string, partnerId: string, month: string): Promise<TeamsDelivery> {
    const result = await postAgendasWith(this.rt, month, landlordId, { partnerId });
    return { delivered: result.results.some((r) => r.outcome === 'posted' || r.outcome === 'updated') };
  }

  publishAgenda = (m: AgendaCardMessage) => this.agenda(m.landlordId, m.partnerId, m.month);
  consultationOff = (m: ConsultationOffMessage) => this.agenda(m.landlordId, m.partnerId, m.month);

  private async toCoordinator(landlordId: string, key: string, text: string): Promise<TeamsDelivery> {
    const links = (await this.rt.services.conversations(landlordId).listAlertChannels()) as BotLink[];
    let delivered = false;
    for (const link of links) {
      const target = targetOf(link, landlordId);
      if (!target) continue;
      const sent = await this.rt.sender.post(target, textMessage(text), `${key}|${link.conversationId}`);
      delivered ||= sent.status === 'sent' || sent.status === 'duplicate';
    }
    return { delivered };
  }

  remindCoordinator = async (m: CoordinatorReminderMessage): Promise<TeamsDelivery> => {
    const r = m.reminder;
    if (r.kind === 'record-conclusions') {
      const partner = await this.rt.services.systemReads(m.landlordId).partners.get(r.partnerId);
      return this.toCoordinator(m.landlordId, m.key, msg.recordConclusions(partner?.name ?? r.partnerId, calendarMessages.formatDate(r.meetingDate)));
    }
    const label = trajectoryTimingMessages.milestoneLabel[r.milestone];
    return this.toCoordinator(m.landlordId, m.key, msg.planVisit(label, r.dossierNumber, calendarMessages.formatDate(r.due)));
  };

  alertCoordinator = (m: CoordinatorAlertMessage): Promise<TeamsDelivery> => {
    const a = m.alert;
    const text = a.kind === 'unclear-reply' ? msg.unclearReply(a.mail.from, a.mail.receivedAt.slice(0, 16).replace('T', ' '), a.dossierNumbers) : msg.jobFailed(a.reason);
    return this.toCoordinator(m.landlordId, m.key, text);
  };
}
