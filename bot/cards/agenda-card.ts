/**
 * The agenda card of one partner's monthly consultation (R13-R15): the three parts, the dates, the
 * Teams link or the address, the flag deadline, and after the deadline whether it takes place.
 * It is posted in the partner's own conversation only and holds no tenant names: dossier numbers,
 * kinds, milestones and reasons; the one piece of free text (a flag's problem statement) is a TextRun.
 *
 * Buttons: "Dossier toevoegen ter bespreking" until the deadline (partner members; the landlord may
 * flag too); "Conclusies noteren" only in the coordinator's own view, once the meeting day came.
 */
import { botMessages } from '../../shared/messages/bot';
import { agendaMessages } from '../../shared/messages/agenda';
import { trajectoryTimingMessages } from '../../shared/messages/milestones';
import { trajectoryMessages } from '../../shared/messages/trajectory';
import type { Agenda, AgendaReason, DiscussionEntry, OverviewEntry } from '../../shared/rules/agenda';
import { addDays } from '../../shared/rules/dates';
import type { Consultation, IsoDate, LandlordConfig, Partner } from '../../shared/rules/types';
import {
  actionSet,
  adaptiveCard,
  bullets,
  container,
  execute,
  heading,
  openUrl,
  paragraph,
  run,
  showCard,
  subCard,
  text,
  textInput,
  choiceInput,
  withRefresh,
  type Action,
  type AdaptiveCard,
  type CardRef,
  type Element,
} from './card';
import { longDate, shortDate } from './format';
import { isCoordinator, memberOf, noticeBlock, type Notice, type Viewer } from './views';
import { FREE_TEXT } from '../../shared/rules/free-text';

const msg = botMessages.agenda;

/** Rows per section: a card stays well under Teams' size limit (about 28 KB). */
export const MAX_ROWS = 40;
export const PROBLEM_MAX = FREE_TEXT.problem.max; // R13b

export interface AgendaCardInput {
  agenda: Agenda;
  partner: Pick<Partner, 'id' | 'name' | 'meetingMode'>;
  landlord: Pick<LandlordConfig, 'officeAddress'>;
  consultation?: Consultation;
  viewer: Viewer;
  /** Brussels date of the moment of rendering. */
  today: IsoDate;
  notice?: Notice;
  /** What was typed in the flag form, shown again after a refusal. */
  values?: Record<string, string>;
  /** Teams user ids that get their own view (refresh). */
  userIds?: readonly string[];
}

export const agendaRef = (agenda: Pick<Agenda, 'partnerId' | 'month'>): CardRef => ({ kind: 'agenda', partnerId: agenda.partnerId, month: agenda.month });

const milestoneLabels = (entry: { dueMilestones: { kind: keyof typeof trajectoryTimingMessages.milestoneLabel }[] }): string =>
  entry.dueMilestones.map((m) => trajectoryTimingMessages.milestoneLabel[m.kind]).join(', ');

function overviewLine(entry: OverviewEntry): string {
  const parts = [entry.number, entry.candidacy ? agendaMessages.candidacy : trajectoryMessages.statusLabel[entry.status]];
  if (entry.plannedEnd) parts.push(agendaMessages.plannedEnd(entry.plannedEnd));
  if (entry.dueMilestones.length > 0) parts.push(msg.dueMilestones(milestoneLabels(entry)));
  return parts.join(' · ');
}

function reasonBlocks(reason: AgendaReason): Element[] {
  switch (reason.type) {
    case 'signal':
      return [
        paragraph([
          run(`${agendaMessages.reason.signal}: `, { weight: 'bolder' }),
          run(agendaMessages.signalCategory[reason.category], reason.safety ? { color: 'attention', weight: 'bolder' } : {}),
          run(` (${shortDate(reason.raisedAt.slice(0, 10))})`, { isSubtle: true }),
        ], { spacing: 'none' }),
      ];
    case 'flag':
      return [
        paragraph([
          run(`${reason.flaggedByLandlord ? msg.flaggedBy.landlord : msg.flaggedBy.partner}: `, { weight: 'bolder' }),
          // R13b: the problem statement is person-written text.
          run(reason.problem.text, { italic: true }),
        ], { spacing: 'none' }),
      ];
    case 'extension':
      return [text(agendaMessages.reason.extension, { spacing: 'none' })];
    case 'visit-problems': {
      const parts: string[] = reason.partsWithProblems.map((p) => agendaMessages.homePart[p]);
      if (reason.seriousDefects) parts.push(agendaMessages.seriousDefects);
      return [text(`${agendaMessages.reason['visit-problems']} (${shortDate(reason.heldOn)}): ${parts.join(', ')}`, { spacing: 'none' })];
    }
    case 'decision-pending':
      return [text(agendaMessages.reason['decision-pending'], { spacing: 'none' })];
  }
}

function discussionBlock(entry: DiscussionEntry, withdraw: Action | undefined): Element {
  const head = [entry.number, trajectoryMessages.statusLabel[entry.status]];
  if (entry.plannedEnd) head.push(agendaMessages.plannedEnd(entry.plannedEnd));
  const items: Element[] = [text(head.join(' · '), { weight: 'bolder' }), ...entry.reasons.flatMap(reasonBlocks)];
  if (entry.dueMilestones.length > 0) items.push(text(msg.dueMilestones(milestoneLabels(entry)), { spacing: 'none', isSubtle: true }));
  if (entry.contacts) items.push(text(agendaMessages.contactCounts(entry.contacts.held, entry.contacts.missed), { spacing: 'none', isSubtle: true })); // R4
  if (withdraw) items.push(actionSet([withdraw]));
  return container(items, { spacing: 'small' });
}

/**
 * R15: "Agendering intrekken" on a flagged dossier until the deadline, for who may withdraw it: the
 * partner's flag for its members (and in the shared view, where the service checks who clicks), the
 * landlord's flag for the coordinator. A second card asks to confirm before anything happens.
 */
function withdrawAction(agenda: Agenda, entry: DiscussionEntry, viewer: Viewer): Action | undefined {
  if (agenda.listClosed) return undefined;
  const flag = entry.reasons.find((r): r is Extract<AgendaReason, { type: 'flag' }> => r.type === 'flag');
  if (!flag) return undefined;
  const may = flag.flaggedByLandlord ? isCoordinator(viewer) : viewer.kind === 'base' || isCoordinator(viewer) || memberOf(viewer) === agenda.partnerId;
  if (!may) return undefined;
  return showCard(
    msg.withdraw,
    subCard([text(msg.withdrawConfirm(entry.number))], [
      execute(msg.withdrawYes, 'agenda.withdraw', { card: agendaRef(agenda), dossierId: entry.dossierId }, { style: 'destructive' }),
    ]),
  );
}

function section(title: string, blocks: Element[], total: number): Element[] {
  const out: Element[] = [text(title, { weight: 'bolder', size: 'medium', separator: true, spacing: 'medium' })];
  if (total === 0) out.push(text(msg.nothingInSection, { isSubtle: true }));
  out.push(...blocks);
  if (total > blocks.length) out.push(text(msg.more(total - blocks.length), { isSubtle: true }));
  return out;
}

function placeBlocks(input: AgendaCardInput): { blocks: Element[]; actions: Action[] } {
  const past = input.today > input.agenda.calendar.meetingDate;
  // A meeting that is over needs no place, no link and no join button.
  if (past || input.agenda.cancelled) return { blocks: [], actions: [] };
  if (input.partner.meetingMode === 'in-person') return { blocks: [text(msg.inPerson(input.landlord.officeAddress))], actions: [] };
  const url = input.consultation?.teamsJoinUrl;
  // Only an https link (written by the jobs from Graph) becomes a button.
  if (url && /^https:\/\/[^\s]+$/.test(url)) return { blocks: [text(msg.teams)], actions: [openUrl(msg.join, url)] };
  return { blocks: [text(msg.teamsNoLink)], actions: [] };
}

function statusBlock(agenda: Agenda, today: IsoDate): Element {
  const meeting = agenda.calendar.meetingDate;
  // R15: after the deadline the card says whether the consultation takes place; after the day, that it did.
  if (agenda.cancelled) {
    const said = today > meeting && !agenda.calendar.cancelled ? agendaMessages.consultationNotHeld(meeting) : agendaMessages.consultationCancelled(meeting);
    return container([text(said, { weight: 'bolder' })], { style: 'attention' });
  }
  if (agenda.listClosed) {
    // The list closes at 00:00 on the meeting day (R15): from then on it is that day or later.
    const said = today > meeting ? msg.tookPlace : msg.takesPlaceToday;
    return container([text(said, { weight: 'bolder' })], { style: 'good' });
  }
  if (!agenda.takesPlace) return text(agendaMessages.nothingToDiscussYet(agenda.calendar.meetingDate), { isSubtle: true });
  return text(msg.provisional, { isSubtle: true });
}

/** The partner's open dossiers that are not flagged for this month yet. */
export function flaggableDossiers(agenda: Agenda): { dossierId: string; number: string }[] {
  const flagged = new Set(agenda.toDiscuss.filter((d) => d.reasons.some((r) => r.type === 'flag')).map((d) => d.dossierId));
  return [...agenda.overview, ...agenda.otherTrajectories].filter((d) => !flagged.has(d.dossierId)).map((d) => ({ dossierId: d.dossierId, number: d.number }));
}

/** Who may flag (access policy 'flag.create'): the coordinator and the partner's members; staff only reads. */
function mayFlag(viewer: Viewer, partnerId: string): boolean {
  if (viewer.kind === 'base') return true;
  return viewer.user.role === 'landlord-coordinator' || memberOf(viewer) === partnerId;
}

function flagAction(agenda: Agenda, viewer: Viewer, values: Record<string, string> = {}): Action | undefined {
  if (agenda.listClosed || !mayFlag(viewer, agenda.partnerId)) return undefined;
  const options = flaggableDossiers(agenda);
  if (options.length === 0) return undefined;
  const ref = agendaRef(agenda);
  const chosen = options.some((o) => o.dossierId === values.dossierId) ? { value: values.dossierId as string } : {};
  return showCard(
    msg.addDossier,
    subCard(
      [
        choiceInput('dossierId', msg.addDossierChoice, options.map((d) => ({ title: d.number, value: d.dossierId })), { required: true, errorMessage: msg.addDossierChoiceMissing, ...chosen }),
        // No maxLength: Teams would cut a longer text without a word; the rule refuses it with the
        // same message as the add-in (R13b), and the text typed comes back to be shortened.
        textInput('problem', msg.addDossierProblem, {
          multiline: true,
          required: true,
          errorMessage: agendaMessages.problemMissing,
          placeholder: msg.addDossierProblemHint(PROBLEM_MAX),
          ...(values.problem ? { value: values.problem } : {}),
        }),
      ],
      [execute(msg.addDossierSubmit, 'agenda.flag', { card: ref })],
    ),
  );
}

/** R16: the coordinator records conclusions once the meeting day came and none were sent yet. */
function conclusionsAction(input: AgendaCardInput): Action | undefined {
  const { agenda, consultation } = input;
  if (!isCoordinator(input.viewer) || agenda.cancelled) return undefined;
  if (input.today < agenda.calendar.meetingDate) return undefined;
  if (consultation && (consultation.status === 'conclusions-sent' || consultation.status === 'confirmed')) return undefined;
  return execute(msg.recordConclusions, 'conclusions.form', { card: { kind: 'conclusions-form', partnerId: agenda.partnerId, month: agenda.month } });
}

export function agendaCard(input: AgendaCardInput): AdaptiveCard {
  const { agenda, consultation } = input;
  const cal = agenda.calendar;
  const place = placeBlocks(input);
  const body: Element[] = [
    ...noticeBlock(input.notice),
    heading(msg.title(input.partner.name)),
    text((input.today > cal.meetingDate ? msg.meetingPast : input.today === cal.meetingDate ? msg.meetingToday : msg.meeting)(longDate(cal.meetingDate)), { weight: 'bolder', spacing: 'none' }),
  ];
  if (cal.meetingMoved) body.push(text(msg.meetingMoved(cal.meetingMoved.description), { isSubtle: true, spacing: 'none' })); // R-H
  if (cal.takesOver) body.push(text(cal.takesOver.description, { isSubtle: true, spacing: 'none' })); // R-H: a cancelled month's dossiers
  body.push(...place.blocks);
  if (!agenda.listClosed) body.push(text(msg.deadline(longDate(addDays(cal.meetingDate, -1))))); // R15: until 00:00 on the meeting day
  body.push(statusBlock(agenda, input.today));
  if (consultation?.status === 'conclusions-sent') body.push(text(msg.conclusionsSent, { isSubtle: true }));
  if (consultation?.status === 'confirmed') body.push(text(msg.conclusionsConfirmed, { isSubtle: true }));

  // R13 (a), (b), (c), then the milestones evaluated without discussion (R14 [product]).
  // The dossiers to discuss are shown once, under (b); the overview says how many are there.
  const quiet = agenda.overview.filter((e) => !e.toDiscuss);
  const overview = section(agendaMessages.section.overview, bullets(quiet.slice(0, MAX_ROWS).map(overviewLine)), quiet.length);
  const discussedInOverview = agenda.overview.length - quiet.length;
  if (discussedInOverview > 0) overview.push(text(msg.overviewAlsoToDiscuss(discussedInOverview), { isSubtle: true, spacing: 'small' }));
  if (quiet.length === 0 && discussedInOverview > 0) overview.splice(1, 1);
  body.push(...overview);
  body.push(
    ...section(
      agendaMessages.section.toDiscuss,
      agenda.toDiscuss.slice(0, MAX_ROWS).map((e) => discussionBlock(e, withdrawAction(agenda, e, input.viewer))),
      agenda.toDiscuss.length,
    ),
  );
  body.push(
    ...section(agendaMessages.section.otherTrajectories, bullets(agenda.otherTrajectories.slice(0, MAX_ROWS).map(overviewLine)), agenda.otherTrajectories.length),
  );
  if (agenda.evaluatedWithoutDiscussion.length > 0) {
    const lines = agenda.evaluatedWithoutDiscussion.slice(0, MAX_ROWS).map((e) => {
      const label = `${e.number}: ${trajectoryTimingMessages.milestoneLabel[e.milestone]} (${shortDate(e.due)})`;
      return e.endsPositively ? `${label}. ${agendaMessages.endsPositively}` : label;
    });
    body.push(...section(agendaMessages.section.evaluatedWithoutDiscussion, bullets(lines), agenda.evaluatedWithoutDiscussion.length));
  }

  const actions = [...place.actions, flagAction(agenda, input.viewer, input.values), conclusionsAction(input)].filter((a): a is Action => a !== undefined);
  return withRefresh(adaptiveCard(body, actions), agendaRef(agenda), input.userIds);
}
