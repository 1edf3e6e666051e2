/**
 * The Notifier port for Teams (shared/services/notifier.ts). The use cases call it after a commit;
 * it loads what it shows itself and delivers in the background (a turn must answer within seconds),
 * through the one proactive sender:
 * - R9 safetyAlert: an alert card in the landlord's alert channel(s) at once. Throws when there is no
 *   alert channel at all, so the use case reports `notified: false` and the partner is told to call.
 * - R8 signalRaised: a signal card in the alert channel(s).
 * - R15 flagChanged: every agenda card of that partner's month is updated in place (a flag from
 *   Teams or from Outlook alike).
 * - R16 conclusionsSent: the conclusions card in the partner's linked conversation(s), once per key;
 *   conclusionsConfirmed: those cards updated in place for everyone.
 * - R6 openItemsHandedOver, R7 informationLapsed: a short text in the landlord's alert channel(s)
 *   (dossier number and organisations, no tenant data); R7 flagWithdrawnForConsent: a notice in the
 *   personal chat of who set the flag.
 * The other events reach people by e-mail (other issues): nothing is posted for them here.
 */
import { botOpenItemMessages as openMsg } from '../../shared/messages/bot';
import { calendarMessages } from '../../shared/messages/calendar';
import { monthCalendar } from '../../shared/rules/calendar';
import type { LandlordConfig } from '../../shared/rules/types';
import type {
  AbsenceEvent,
  ConclusionsConfirmedEvent,
  ConclusionsEvent,
  FlagEvent,
  FlagWithdrawnForConsentEvent,
  InformationEvent,
  InformationLapsedEvent,
  Notifier,
  OpenItemsHandedOverEvent,
  SignalEvent,
  TransferDecidedEvent,
  TransferRequestedEvent,
} from '../../shared/services/notifier';
import { attachment, type AdaptiveCard } from '../cards/card';
import { signalAlertCard } from '../cards/message-cards';
import { baseViewer, userViewer } from '../cards/views';
import { targetOf, trackCard, trackedCards, type BotLink, type TrackedCard } from './conversations';
import { renderAgenda, renderConclusions, viewUserIds } from './render';
import type { BotRuntime } from './runtime';

export class NoAlertChannel extends Error {
  constructor() {
    super('no alert channel');
    this.name = 'NoAlertChannel';
  }
}

export const cardMessage = (card: AdaptiveCard): Record<string, unknown> => ({ type: 'message', attachments: [attachment(card)] });
const textMessage = (text: string): Record<string, unknown> => ({ type: 'message', text, textFormat: 'plain' });

export class TeamsNotifier implements Notifier {
  constructor(private readonly rt: BotRuntime) {}

  private async landlord(id: string): Promise<LandlordConfig | undefined> {
    return this.rt.services.landlord(id);
  }

  private ports(landlordId: string) {
    return this.rt.services.systemReads(landlordId);
  }

  // R9
  async safetyAlert(event: SignalEvent): Promise<void> {
    const channels = await this.alertChannels(event.landlordId);
    if (channels.length === 0) throw new NoAlertChannel();
    this.rt.background.run('safetyAlert', () => this.postSignal(event, channels, true));
  }

  // R8
  async signalRaised(event: SignalEvent): Promise<void> {
    const channels = await this.alertChannels(event.landlordId);
    if (channels.length === 0) {
      this.rt.deps.logger.warn({ landlordId: event.landlordId, signalId: event.signalId }, 'teams: no alert channel for a signal');
      return;
    }
    this.rt.background.run('signalRaised', () => this.postSignal(event, channels, false));
  }

  // R15
  async flagChanged(event: FlagEvent): Promise<void> {
    const key = `agenda|${event.landlordId}|${event.partnerId}|${event.month}`;
    this.rt.background.coalesce(key, 'flagChanged', () => this.updateAgendaCards(event.landlordId, event.partnerId, event.month));
  }

  // R16
  async conclusionsSent(event: ConclusionsEvent): Promise<void> {
    this.rt.background.run('conclusionsSent', () => this.postConclusions(event.landlordId, event.partnerId, event.month));
  }

  async conclusionsConfirmed(event: ConclusionsConfirmedEvent): Promise<void> {
    const key = `conclusions|${event.landlordId}|${event.partnerId}|${event.month}`;
    this.rt.background.coalesce(key, 'conclusionsConfirmed', () => this.updateConclusionsCards(event.landlordId, event.partnerId, event.month));
  }

  async transferRequested(_event: TransferRequestedEvent): Promise<void> {}
  async transferDecided(_event: TransferDecidedEvent): Promise<void> {}
  async informationRequested(_event: InformationEvent): Promise<void> {}
  async informationAnswered(_event: InformationEvent): Promise<void> {}
  async absenceReported(_event: AbsenceEvent): Promise<void> {}

  // R6: the landlord is told who answers its open requests now (ids and the number only).
  async openItemsHandedOver(event: OpenItemsHandedOverEvent): Promise<void> {
    this.rt.background.run('openItemsHandedOver', async () => {
      const ports = this.ports(event.landlordId);
      const [dossier, from, to] = await Promise.all([
        ports.dossiers.get(event.dossierId),
        ports.partners.get(event.fromPartnerId),
        ports.partners.get(event.toPartnerId),
      ]);
      if (!dossier) return;
      const text = openMsg.handedOver(dossier.number, from?.name ?? event.fromPartnerId, to?.name ?? event.toPartnerId, event.requestIds.length, event.flagMonths.length);
      await this.toAlertChannels(event.landlordId, `handover|${event.landlordId}|${event.dossierId}|${event.at}`, text);
    });
  }

  // R7: the landlord is told which open requests lapsed.
  async informationLapsed(event: InformationLapsedEvent): Promise<void> {
    this.rt.background.run('informationLapsed', async () => {
      const dossier = await this.ports(event.landlordId).dossiers.get(event.dossierId);
      if (!dossier) return;
      await this.toAlertChannels(event.landlordId, `lapsed|${event.landlordId}|${event.dossierId}|${event.at}`, openMsg.informationLapsed(dossier.number, event.requestIds.length));
    });
  }

  // R7: a notice in the personal chat of who set the flag (when the bot has one with them).
  async flagWithdrawnForConsent(event: FlagWithdrawnForConsentEvent): Promise<void> {
    this.rt.background.run('flagWithdrawnForConsent', async () => {
      const ports = this.ports(event.landlordId);
      const dossier = await ports.dossiers.get(event.dossierId);
      if (!dossier) return;
      const meetingDate = calendarMessages.formatDate(monthCalendar(event.month, { closingDays: (await this.landlord(event.landlordId))?.closingDays ?? [] }).meetingDate);
      const links = ((await ports.conversations.list()) as BotLink[]).filter(
        (l) => l.kind === 'personal' && (l.reference.user as { aadObjectId?: string } | undefined)?.aadObjectId === event.flaggedBy,
      );
      if (links.length === 0) this.rt.deps.logger.warn({ landlordId: event.landlordId, dossierId: event.dossierId }, 'teams: no personal chat for a flag notice');
      for (const link of links) {
        const target = targetOf(link, event.landlordId);
        const key = `flag-consent|${event.landlordId}|${event.partnerId}|${event.month}|${event.dossierId}|${link.conversationId}`;
        if (target) await this.rt.sender.post(target, textMessage(openMsg.flagWithdrawn(dossier.number, meetingDate)), key);
      }
    });
  }

  // -------------------------------------------------------------------------------------------

  private async toAlertChannels(landlordId: string, key: string, text: string): Promise<void> {
    for (const link of await this.alertChannels(landlordId)) {
      const target = targetOf(link, landlordId);
      if (target) await this.rt.sender.post(target, textMessage(text), `${key}|${link.conversationId}`);
    }
  }

  private async alertChannels(landlordId: string): Promise<BotLink[]> {
    const links = (await this.ports(landlordId).conversations.listAlertChannels()) as BotLink[];
    return links.filter((l) => !l.goneAt && l.isLandlordAlertChannel && !l.partnerId);
  }

  private async postSignal(event: SignalEvent, channels: BotLink[], safety: boolean): Promise<void> {
    const ports = this.ports(event.landlordId);
    const [signal, dossier, partner] = await Promise.all([
      ports.signals.get(event.dossierId, event.signalId),
      ports.dossiers.get(event.dossierId),
      ports.partners.get(event.partnerId),
    ]);
    if (!signal || !dossier) return;
    const card = signalAlertCard({ signal, dossierId: dossier.id, dossierNumber: dossier.number, partnerName: partner?.name ?? event.partnerId, safety });
    await Promise.all(
      channels.map(async (link) => {
        const target = targetOf(link, event.landlordId);
        if (target) await this.rt.sender.post(target, cardMessage(card), `signal|${event.landlordId}|${event.signalId}|${link.conversationId}`);
      }),
    );
  }

  /** Re-renders every tracked card of a partner's month where it was posted. */
  private async updateTracked(
    landlordId: string,
    kind: TrackedCard['kind'],
    partnerId: string,
    month: string,
    render: (link: BotLink, landlord: LandlordConfig) => Promise<AdaptiveCard | undefined>,
  ): Promise<number> {
    const landlord = await this.landlord(landlordId);
    if (!landlord) return 0;
    const tracked = await trackedCards(this.ports(landlordId).conversations, kind, partnerId, month);
    // The cards of one conversation show the same view: rendered once for all of them.
    const rendered = new Map<string, Promise<AdaptiveCard | undefined>>();
    let updated = 0;
    for (const { link, card } of tracked) {
      const target = targetOf(link, landlordId);
      if (!target) continue;
      if (!rendered.has(link.conversationId)) rendered.set(link.conversationId, render(link, landlord).catch(() => undefined));
      const view = await rendered.get(link.conversationId);
      if (!view) continue;
      const outcome = await this.rt.sender.update(target, card.activityId, cardMessage(view));
      if (outcome.status === 'sent') updated++;
    }
    return updated;
  }

  /** A card in a personal chat is updated with its owner's view; elsewhere with everyone's. */
  private async viewerFor(link: BotLink, landlordId: string) {
    const owner = (link.reference.user as { aadObjectId?: string } | undefined)?.aadObjectId;
    if (link.kind === 'personal' && owner && link.tenantId) {
      const user = await this.rt.services.landlordUser(landlordId, { tenantId: link.tenantId, objectId: owner });
      if (user) return userViewer(user, false);
    }
    return baseViewer(link.kind !== 'personal');
  }

  async updateAgendaCards(landlordId: string, partnerId: string, month: string): Promise<number> {
    return this.updateTracked(landlordId, 'agenda', partnerId, month, async (link, landlord) => {
      const viewer = await this.viewerFor(link, landlordId);
      const userIds = viewer.kind === 'base' ? await viewUserIds(this.rt, landlordId, link, partnerId) : [];
      return (await renderAgenda(this.rt, { landlord, partnerId, month, viewer, userIds })).card;
    });
  }

  async updateConclusionsCards(landlordId: string, partnerId: string, month: string): Promise<number> {
    return this.updateTracked(landlordId, 'conclusions', partnerId, month, async (link, landlord) => {
      const viewer = await this.viewerFor(link, landlordId);
      const userIds = viewer.kind === 'base' ? await viewUserIds(this.rt, landlordId, link, partnerId) : [];
      return renderConclusions(this.rt, { landlord, partnerId, month, viewer, userIds });
    });
  }

  /** R16: the conclusions card in each conversation linked to the partner, once per conversation. */
  async postConclusions(landlordId: string, partnerId: string, month: string): Promise<number> {
    const landlord = await this.landlord(landlordId);
    if (!landlord) return 0;
    const ports = this.ports(landlordId);
    const links = ((await ports.conversations.listByPartner(partnerId)) as BotLink[]).filter((l) => !l.goneAt);
    let posted = 0;
    for (const link of links) {
      const target = targetOf(link, landlordId);
      if (!target) continue;
      const userIds = await viewUserIds(this.rt, landlordId, link, partnerId);
      const card = await renderConclusions(this.rt, { landlord, partnerId, month, viewer: baseViewer(link.kind !== 'personal'), userIds });
      if (!card) continue;
      const outcome = await this.rt.sender.post(target, cardMessage(card), `conclusions|${landlordId}|${partnerId}|${month}|${link.conversationId}`);
      if (outcome.status === 'sent') {
        await trackCard(ports.conversations, link.conversationId, { kind: 'conclusions', partnerId, month, activityId: outcome.activityId, at: this.rt.now() });
        posted++;
      }
    }
    return posted;
  }
}
