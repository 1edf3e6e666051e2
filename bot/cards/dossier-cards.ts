/**
 * A list of dossiers and one dossier with its timeline (R2, R11, R17, R19, R20) and the supporting
 * organisation's contact details (R5). In a shared chat a tenant appears by initials only, never by
 * name or address (least personal data); in a personal chat the reader may see the name.
 */
import { botMessages } from '../../shared/messages/bot';
import { trajectoryTimingMessages } from '../../shared/messages/milestones';
import { trajectoryMessages } from '../../shared/messages/trajectory';
import type { DossierDetails, DossierSummary } from '../../shared/services';
import type { IsoDate, PartnerContact } from '../../shared/rules/types';
import { adaptiveCard, bullets, container, facts, heading, openDialog, paragraph, run, text, userText, type AdaptiveCard, type Element } from './card';
import { dateTime, initials, shortDate } from './format';
import { agendaMessages } from '../../shared/messages/agenda';
import { milestoneStates } from '../../shared/rules/milestone-state';

const msg = botMessages;

export const MAX_DOSSIERS = 50;

export function dossierListCard(input: { title: string; dossiers: readonly DossierSummary[]; shared: boolean }): AdaptiveCard {
  const body: Element[] = [heading(input.title)];
  if (input.dossiers.length === 0) body.push(text(msg.dossiers.none, { isSubtle: true }));
  for (const d of input.dossiers.slice(0, MAX_DOSSIERS)) {
    const tenant = input.shared ? initials(d.tenantName) : d.tenantName;
    const details: string[] = [trajectoryMessages.kindLabel[d.kind], trajectoryMessages.statusLabel[d.status]];
    if (d.plannedEnd) details.push(msg.dossiers.plannedEnd(d.plannedEnd));
    if (d.transferOpen) details.push(msg.dossiers.transferOpen);
    body.push(paragraph([run(`${d.number} `, { weight: 'bolder' }), run(`${tenant} · ${details.join(' · ')}`)], { spacing: 'small' }));
  }
  if (input.dossiers.length > MAX_DOSSIERS) body.push(text(msg.dossiers.more(input.dossiers.length - MAX_DOSSIERS), { isSubtle: true }));
  return adaptiveCard(body);
}

export function contactFacts(contact: PartnerContact): Element {
  return facts([
    [msg.contact.phone, contact.phone],
    [msg.contact.email, contact.email],
    [msg.contact.officeHours, contact.officeHours],
  ]);
}

export function dossierCard(input: { details: DossierDetails; shared: boolean; today: IsoDate }): AdaptiveCard {
  const { dossier } = input.details;
  const m = msg.dossier;
  const rows: [string, string][] = [
    [m.kind, trajectoryMessages.kindLabel[dossier.kind]],
    [m.status, trajectoryMessages.statusLabel[dossier.status]],
    // Least personal data: initials in a shared chat, the name (and address) only in a personal one.
    [m.tenant, input.shared ? initials(dossier.tenant.name) : dossier.tenant.name],
  ];
  if (!input.shared && dossier.tenant.address) rows.push([m.address, dossier.tenant.address]);
  if (!input.shared) rows.push([m.supportWorker, dossier.supportWorker.name]);
  if (dossier.leaseStart) rows.push([m.leaseStart, shortDate(dossier.leaseStart)]);
  if (input.details.plannedEnd) rows.push([m.plannedEnd, shortDate(input.details.plannedEnd)]); // R2
  const consent = dossier.consent;
  rows.push([m.consent, !consent ? m.consentNone : consent.withdrawnOn ? m.consentWithdrawn(consent.withdrawnOn) : m.consentGiven(consent.givenOn)]);

  const body: Element[] = [heading(m.title(dossier.number)), facts(rows), text(m.timeline, { weight: 'bolder', separator: true, spacing: 'medium' })];
  if (input.details.milestones.length === 0) body.push(text(m.noTimeline, { isSubtle: true }));
  // R11, R17, R19, R20: the same state as the dossier page (shared/rules/milestone-state.ts).
  const states = milestoneStates(input.details.milestones, input.details.visits, input.today);
  const next = states.find((s) => s.state === 'due' || s.state === 'planned');
  for (const milestone of states) {
    const label = trajectoryTimingMessages.milestoneLabel[milestone.kind];
    const line = m.milestone(label, shortDate(milestone.due), milestone.consultation ? shortDate(milestone.consultation) : null);
    const late = milestone.state === 'overdue' || milestone.state === 'missed';
    const marker = milestone.state === 'held' ? '\u2713 ' : late ? '\u26A0 ' : milestone === next ? '\u25B6 ' : '\u2022 ';
    const state = trajectoryTimingMessages.milestoneState[milestone.state];
    body.push(
      paragraph(
        [
          run(marker),
          run(line, milestone === next || late ? { weight: 'bolder' } : milestone.state === 'held' ? { isSubtle: true } : {}),
          run(` (${milestone === next ? m.nextState(state) : state})`, late ? { color: 'attention' } : { isSubtle: true }),
        ],
        { spacing: 'none' },
      ),
    );
  }
  body.push(...signalLines(input.details, input.shared));
  const partner = input.details.supportingPartner;
  if (partner) body.push(container([text(m.contactTitle(partner.name), { weight: 'bolder' }), contactFacts(partner.contact)], { style: 'emphasis', spacing: 'medium' })); // R5
  if (input.details.nextSteps.length > 0) {
    body.push(text(m.nextSteps, { weight: 'bolder', spacing: 'medium' }), ...bullets(input.details.nextSteps.map((s) => trajectoryMessages.stepLabel[s])));
  }
  // The dossier page (timeline, the forms of the steps) as a Teams dialog; it checks access again.
  return adaptiveCard(body, [openDialog(msg.pages.openDossier, { page: 'dossier', dossierId: dossier.id, number: dossier.number })]);
}

/** R5: the general contact details of one or more organisations. */
export function contactCard(partners: readonly { name: string; contact: PartnerContact }[]): AdaptiveCard {
  const body: Element[] = [heading(partners.length === 1 ? msg.contact.title((partners[0] as { name: string }).name) : msg.contact.allTitle), text(msg.contact.intro, { isSubtle: true, spacing: 'none' })];
  for (const p of partners) {
    if (partners.length > 1) body.push(text(p.name, { weight: 'bolder', separator: true, spacing: 'medium' }));
    body.push(contactFacts(p.contact));
  }
  return adaptiveCard(body);
}

/**
 * R8/R9: the dossier's signals for who may read them: kind, moment, organisation and, in a personal
 * chat, the description (the service audited that read). A shared chat shows kind and moment only.
 */
function signalLines(details: DossierDetails, shared: boolean): Element[] {
  const m = msg.dossier;
  if (details.signals.length === 0 && details.otherSignals === 0) return [];
  const out: Element[] = [text(m.signals, { weight: 'bolder', separator: true, spacing: 'medium' })];
  for (const s of [...details.signals].reverse()) {
    const kind = s.category === 'safety' ? agendaMessages.safetySignal : agendaMessages.signalCategory[s.category];
    out.push(paragraph([run(`${kind}: `, { weight: 'bolder', ...(s.category === 'safety' ? { color: 'attention' } : {}) }), run(m.signalBy(dateTime(s.raisedAt), s.partnerName), { isSubtle: true })], { spacing: 'small' }));
    if (!shared && s.description) out.push(userText(s.description, { spacing: 'none' }));
  }
  if (shared && details.signals.length > 0) out.push(text(m.signalsPersonal, { isSubtle: true, spacing: 'small' }));
  if (details.otherSignals > 0) out.push(text(m.otherSignals(details.otherSignals), { isSubtle: true, spacing: 'small' }));
  return out;
}
