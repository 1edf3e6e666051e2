/** Small cards: help, a signal in the landlord's alert channel (R8, R9), and a plain notice. */
import { botMessages } from '../../shared/messages/bot';
import { accessMessages } from '../../shared/messages/access';
import { informationMessages } from '../../shared/messages/information';
import type { Role, Signal } from '../../shared/rules/types';
import { adaptiveCard, container, facts, heading, openDialog, paragraph, run, text, userText, type AdaptiveCard, type Element } from './card';
import { dateTime } from './format';
import { noticeBlock, type Notice } from './views';

type CommandKey = keyof typeof botMessages.command;

export interface HelpInput {
  name: string;
  role: Role;
  shared: boolean;
  linkedPartner?: string;
  alertChannel: boolean;
}

/** The commands a user can use here, by role and kind of conversation. */
export function helpCommands(input: Pick<HelpInput, 'role' | 'shared'>): CommandKey[] {
  const keys: CommandKey[] = ['help', 'dossiers', 'dossier', 'agenda'];
  if (input.role !== 'partner-member' && !input.shared) keys.push('agendaLandlord');
  keys.push('conclusions');
  if (input.role === 'partner-member') keys.push('signal', 'absence');
  keys.push('contact');
  if (input.role === 'landlord-coordinator') keys.push('link', 'unlink', 'alertChannel');
  return keys;
}

export function helpCard(input: HelpInput): AdaptiveCard {
  const m = botMessages.help;
  const body: Element[] = [heading(m.title), text(m.intro(input.name, accessMessages.roleLabel[input.role]), { spacing: 'none' })];
  if (input.shared) {
    body.push(text(input.alertChannel ? m.alertChannel : input.linkedPartner ? m.linkedTo(input.linkedPartner) : m.notLinked, { weight: 'bolder' }));
    body.push(text(m.sharedChat, { isSubtle: true, spacing: 'none' }), text(m.mention, { isSubtle: true, spacing: 'none' }));
  }
  for (const key of helpCommands(input)) {
    const c = botMessages.command[key];
    body.push(paragraph([run(c.usage, { weight: 'bolder', color: 'accent' }), run(`  ${c.description}`)], { spacing: 'small' }));
  }
  // The dossier pages (list, timeline, a form per step) as a Teams dialog.
  return adaptiveCard(body, [openDialog(botMessages.pages.openList, { page: 'dossiers' })]);
}

export interface SignalAlertInput {
  signal: Pick<Signal, 'category' | 'raisedAt' | 'basis' | 'description'>;
  dossierId: string;
  dossierNumber: string;
  partnerName: string;
  safety: boolean;
}

/** R8/R9: in the landlord's own alert channel. The description is for the landlord: it is who the signal is for. */
export function signalAlertCard(input: SignalAlertInput): AdaptiveCard {
  const m = botMessages.alert;
  return adaptiveCard([
    container([heading(input.safety ? m.safetyTitle : m.signalTitle, 'large')], { style: input.safety ? 'attention' : 'emphasis' }),
    facts([
      [m.dossier, input.dossierNumber],
      [m.partner, input.partnerName],
      [m.category, informationMessages.signalCategoryLabel[input.signal.category]],
      [m.at, dateTime(input.signal.raisedAt)],
      [m.basis, informationMessages.basisLabel[input.signal.basis]],
    ]),
    text(m.description, { weight: 'bolder', spacing: 'medium' }),
    userText(input.signal.description, { spacing: 'none' }),
    text(m.open(input.dossierNumber), { isSubtle: true, spacing: 'medium' }),
  ], [openDialog(botMessages.pages.openDossier, { page: 'dossier', dossierId: input.dossierId, number: input.dossierNumber })]);
}

/** A short answer as a card (invoke responses replace the card they came from). */
export function noticeCard(notice: Notice, extra: Element[] = []): AdaptiveCard {
  return adaptiveCard([...noticeBlock(notice), ...extra]);
}

