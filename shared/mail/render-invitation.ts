/**
 * R13: the invitation e-mail with the agenda's three parts, the date and time (R12), where (R16: the
 * Teams link or the landlord's office), how and until when to flag (R15), and moved dates (R-H).
 * Least data: dossier numbers, statuses and dates; the one free text, a flag's problem statement,
 * goes only to the partner whose agenda it is, escaped. Pure: the same input gives the same mail.
 */
import { agendaMessages } from '../messages/agenda';
import { mailMessages as msg } from '../messages/mail';
import { trajectoryMessages } from '../messages/trajectory';
import { calendarMessages } from '../messages/calendar';
import { brusselsDate } from '../rules/calendar';
import { addDays, dayOfWeek } from '../rules/dates';
import type { Agenda, AgendaReason, DiscussionEntry, OverviewEntry } from '../rules/agenda';
import type { ConsultationSlot } from '../jobs/ports';
import { cleanText, escapeHtml, heading, link, list, table, textTable } from './html';
import { frame, textBlock, type Block, type RenderedMail } from './layout';

export interface InvitationInput {
  landlord: { name: string };
  partner: { name: string };
  agenda: Agenda;
  slot: ConsultationSlot;
  /** `[WB:<partnerId>:<YYYY-MM>]` */
  reference: string;
}

const date = calendarMessages.formatDate;
const long = (iso: string) => msg.longDate(iso, dayOfWeek(iso));

function milestones(entry: OverviewEntry | DiscussionEntry): string {
  return entry.dueMilestones.map((m) => msg.dueOn(msg.milestone[m.kind] ?? m.kind, m.due)).join(', ') || msg.dash;
}

function overviewRows(entries: readonly OverviewEntry[]): string[][] {
  return entries.map((e) => [
    e.number,
    trajectoryMessages.statusLabel[e.status] ?? e.status,
    e.leaseStart ? date(e.leaseStart) : msg.dash,
    e.plannedEnd ? date(e.plannedEnd) : msg.dash,
    milestones(e),
  ]);
}

function overviewBlock(title: string, entries: readonly OverviewEntry[]): Block {
  const body = entries.length === 0 ? { text: msg.noneInSection, html: `<p>${escapeHtml(msg.noneInSection)}</p>` } : null;
  return {
    text: `${title}\n${body ? body.text : textTable(msg.overviewHeader, overviewRows(entries))}`,
    html: heading(title) + (body ? body.html : table(msg.overviewHeader, overviewRows(entries))),
  };
}

/** One reason in both forms; a flag's problem statement is personal text: escaped, never logged. */
function reasonLines(reason: AgendaReason): { text: string; html: string } {
  switch (reason.type) {
    case 'signal': {
      const line = msg.reasonSignal(agendaMessages.signalCategory[reason.category] ?? reason.category, brusselsDate(reason.raisedAt));
      return { text: line, html: escapeHtml(line) };
    }
    case 'flag': {
      const by = reason.flaggedByLandlord ? agendaMessages.flaggedBy.landlord : agendaMessages.flaggedBy.partner;
      const problem = cleanText(reason.problem.text);
      return { text: `${msg.reasonFlag(by)} ${problem}`, html: `${escapeHtml(msg.reasonFlag(by))} <i>${escapeHtml(problem)}</i>` };
    }
    case 'extension': {
      const line = msg.reasonExtension(reason.extensions);
      return { text: line, html: escapeHtml(line) };
    }
    case 'visit-problems': {
      const parts = [
        ...reason.partsWithProblems.map((p) => agendaMessages.homePart[p] ?? p),
        ...(reason.seriousDefects ? [agendaMessages.seriousDefects] : []),
      ].join(', ');
      const line = msg.reasonVisit(reason.heldOn, parts);
      return { text: line, html: escapeHtml(line) };
    }
    case 'decision-pending': {
      const line = msg.reasonDecisionPending(reason.finalEvaluationOn);
      return { text: line, html: escapeHtml(line) };
    }
  }
}

function discussionBlock(agenda: Agenda): Block {
  const title = msg.sectionTitle.toDiscuss;
  if (agenda.toDiscuss.length === 0) {
    const note = msg.nothingToDiscussYet(addDays(agenda.calendar.meetingDate, -1));
    return { text: `${title}\n${note}`, html: heading(title) + `<p>${escapeHtml(note)}</p>` };
  }
  const items = agenda.toDiscuss.map((e) => {
    const lines = e.reasons.map(reasonLines);
    const extra = [
      ...(e.dueMilestones.length ? [milestones(e)] : []),
      ...(e.contacts ? [agendaMessages.contactCounts(e.contacts.held, e.contacts.missed)] : []),
    ];
    return {
      text: [`- ${e.number}`, ...lines.map((l) => `    ${l.text}`), ...extra.map((x) => `    ${x}`)].join('\n'),
      html: `<b>${escapeHtml(e.number)}</b>${list([...lines.map((l) => l.html), ...extra.map(escapeHtml)], true)}`,
    };
  });
  return { text: `${title}\n${items.map((i) => i.text).join('\n')}`, html: heading(title) + list(items.map((i) => i.html), true) };
}

function evaluatedBlock(agenda: Agenda): Block | undefined {
  if (agenda.evaluatedWithoutDiscussion.length === 0) return undefined;
  const lines = agenda.evaluatedWithoutDiscussion.map((m) => msg.evaluated(m.number, msg.milestone[m.milestone] ?? m.milestone, m.endsPositively));
  const title = msg.sectionTitle.evaluatedWithoutDiscussion;
  // Until the deadline a late flag still moves a dossier to the discussion (R15).
  return {
    text: `${title}\n${lines.map((l) => `- ${l}`).join('\n')}\n${msg.evaluatedProvisional}`,
    html: heading(title) + list(lines) + `<p>${escapeHtml(msg.evaluatedProvisional)}</p>`,
  };
}

function whereBlock(slot: ConsultationSlot): Block {
  if (slot.mode === 'teams' && slot.joinUrl) {
    return { text: `${msg.whereTeams}\n${slot.joinUrl}`, html: `<p>${escapeHtml(msg.whereTeams)} ${link(slot.joinUrl, msg.joinTeams)}</p>` };
  }
  if (slot.mode === 'teams') return textBlock(msg.whereTeamsLinkFollows);
  return textBlock(msg.whereInPerson(slot.address ?? ''));
}

function howToFlagBlock(agenda: Agenda, reference: string): Block {
  const meetingDate = agenda.calendar.meetingDate;
  const lines = [
    msg.howToFlagDeadline(addDays(meetingDate, -1), `${date(meetingDate)} 00:00`),
    msg.howToFlagReply,
    `    ${msg.howToFlagExample}`,
    msg.referenceLine(reference),
    msg.howToFlagAddin,
    msg.howToFlagNoDiscussion,
  ];
  return {
    text: `${msg.howToFlagTitle}\n${lines.join('\n')}`,
    html:
      heading(msg.howToFlagTitle) +
      `<p>${escapeHtml(lines[0] as string)}</p><p>${escapeHtml(msg.howToFlagReply)}<br><code>${escapeHtml(msg.howToFlagExample)}</code><br>${escapeHtml(
        msg.referenceLine(reference),
      )}</p><p>${escapeHtml(msg.howToFlagAddin)}</p><p>${escapeHtml(msg.howToFlagNoDiscussion)}</p>`,
  };
}

export function renderInvitation(input: InvitationInput): RenderedMail {
  const { agenda, slot } = input;
  const cal = agenda.calendar;
  const blocks: Block[] = [textBlock(msg.invitationIntro(input.landlord.name, long(cal.meetingDate), slot.startTime, slot.endTime))];
  if (cal.meetingMoved) blocks.push(textBlock(msg.meetingMoved(cal.meetingMoved.description))); // R-H
  if (cal.invitationMoved) blocks.push(textBlock(msg.invitationMoved(cal.invitationMoved.description)));
  if (cal.takesOver) blocks.push(textBlock(cal.takesOver.description)); // R-H: a cancelled month's dossiers come here
  blocks.push(whereBlock(slot));
  blocks.push({ text: msg.agendaTitle.toUpperCase(), html: `<h1 style="font-size:18px">${escapeHtml(msg.agendaTitle)}</h1>` });
  blocks.push(overviewBlock(msg.sectionTitle.overview, agenda.overview));
  blocks.push(discussionBlock(agenda));
  blocks.push(overviewBlock(msg.sectionTitle.otherTrajectories, agenda.otherTrajectories));
  const evaluated = evaluatedBlock(agenda);
  if (evaluated) blocks.push(evaluated);
  blocks.push(howToFlagBlock(agenda, input.reference));
  return frame({
    subject: msg.invitationSubject(cal.meetingDate, input.reference),
    greeting: msg.greeting(input.partner.name),
    landlordName: input.landlord.name,
    reference: input.reference,
    blocks,
  });
}
