/**
 * What the pane shows, computed from the API's answers and what the user ticked and typed: the
 * consultation (date, place, deadline, whether it takes place; R13, R15, R16), one row per ongoing
 * dossier with why it is already on the list, what can be ticked, flagged or withdrawn. Pure: the
 * React components only render this.
 */
import { addinMessages as msg } from '../../../shared/messages/addin';
import type { ConsultationView, DossierItem } from '../../../shared/api/schemas';
import { deadlineLines } from './deadline';
import { checkProblem } from './problem';
import type { Target } from './target';

/** Ticked dossiers and their problem statements, by dossier id. */
export type Selection = Readonly<Record<string, string>>;

export type PlaceLine = { kind: 'link'; text: string; href: string; before: string } | { kind: 'text'; text: string };

export interface RowView {
  dossierId: string;
  number: string;
  label: string;
  /** The dossier is on the list already (any reason, R14). */
  onAgenda: boolean;
  /** R15: this partner's flag, with its statement. */
  flag?: { text: string; withdrawable: boolean; withdrawLabel: string };
  /** The other reasons (signal, extension, ...), as labels. */
  otherReasons: string[];
  /** Can be ticked: not flagged yet and the list is open. */
  selectable: boolean;
  selected: boolean;
  /** `over`: more characters than the rule allows (the counter turns red). */
  problem?: { label: string; value: string; counter: string; over: boolean; error?: string };
}

export interface PaneView {
  heading: string;
  source: string;
  partner?: string;
  moved?: string;
  /** R-H: this month's consultation is cancelled by closing days (the reason), or this one takes over a cancelled month's dossiers. */
  monthCancelled?: string;
  takesOver?: string;
  /** Where it is (none for a meeting that does not take place). */
  place?: PlaceLine;
  deadline?: string;
  status: string;
  closed?: { title: string; text: string };
  rows: RowView[];
  empty?: string;
  hint: string;
  addLabel: string;
  selectedCount: number;
  /** Something is ticked and the list is open. */
  canAdd: boolean;
}

export interface ViewInput {
  consultation: ConsultationView;
  dossiers: readonly DossierItem[];
  selection: Selection;
  problemMax: number;
  source: Extract<Target, { kind: 'consultation' }>['source'];
  /** Show the problems' errors (after the user tried to add). */
  showErrors: boolean;
}

/** Only https links become links: anything else in a stored URL is shown as nothing clickable. */
const isSafeLink = (href: string): boolean => {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
};

function placeOf(c: ConsultationView): PlaceLine | undefined {
  if (c.cancelled) return undefined;
  // A meeting that is over: where it was, no link to join and no "the link is in the invitation".
  if (c.phase === 'over') return { kind: 'text', text: c.mode === 'in-person' ? msg.consultation.inPerson(c.address ?? '') : msg.consultation.teams };
  if (c.mode === 'in-person') return { kind: 'text', text: msg.consultation.inPerson(c.address ?? '') };
  if (c.teamsJoinUrl && isSafeLink(c.teamsJoinUrl)) return { kind: 'link', before: msg.consultation.teams, text: msg.consultation.teamsLink, href: c.teamsJoinUrl };
  return { kind: 'text', text: msg.consultation.teamsLinkLater };
}

const byNumber = (a: { number: string }, b: { number: string }) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

export function buildView(input: ViewInput): PaneView {
  const { consultation: c, selection, problemMax, showErrors } = input;
  const open = !c.listClosed;
  const agenda = new Map(c.toDiscuss.map((e) => [e.dossierId, e]));

  // The ongoing dossiers, plus any dossier on the list that the list of dossiers does not hold.
  const entries = [
    ...input.dossiers.map((d) => ({ dossierId: d.id, number: d.number, label: msg.dossiers.rowLabel(d.number, d.tenantName) })),
    ...c.toDiscuss.filter((e) => !input.dossiers.some((d) => d.id === e.dossierId)).map((e) => ({ dossierId: e.dossierId, number: e.number, label: e.number })),
  ].sort(byNumber);

  const rows = entries.map(({ dossierId, number, label }): RowView => {
    const reasons = agenda.get(dossierId)?.reasons ?? [];
    const flagReason = reasons.find((r) => r.type === 'flag');
    const row: RowView = {
      dossierId,
      number,
      label,
      onAgenda: reasons.length > 0,
      otherReasons: reasons.filter((r) => r.type !== 'flag').map((r) => r.label),
      selectable: open && !flagReason,
      selected: false,
    };
    if (flagReason) {
      const problem = flagReason.problem ?? '';
      row.flag = {
        text: flagReason.flaggedByLandlord ? msg.dossiers.flaggedByLandlord(problem) : msg.dossiers.flagged(problem),
        // R15: until the deadline; [product] only the landlord withdraws the landlord's flag.
        withdrawable: open && !flagReason.flaggedByLandlord,
        withdrawLabel: msg.dossiers.withdrawLabel(number),
      };
    }
    const draft = selection[dossierId];
    if (row.selectable && draft !== undefined) {
      const check = checkProblem(draft, problemMax);
      row.selected = true;
      row.problem = { label: msg.dossiers.problemLabel(number), value: draft, counter: check.counter, over: check.length > problemMax };
      if (check.error && (showErrors || check.length > problemMax)) row.problem.error = check.error;
    }
    return row;
  });

  const selectedCount = rows.filter((r) => r.selected).length;
  const lines = deadlineLines(c);
  const view: PaneView = {
    heading: msg.consultation.heading(c.meetingDate),
    source: input.source === 'invitation' ? msg.consultation.fromInvitation : input.source === 'other-invitation' ? msg.consultation.otherInvitation : msg.consultation.nextOfPartner,
    status: lines.status,
    rows,
    hint: open ? msg.dossiers.selectHint : msg.dossiers.closedHint,
    addLabel: selectedCount > 0 ? msg.dossiers.add(selectedCount) : msg.dossiers.addNone,
    selectedCount,
    canAdd: open && selectedCount > 0,
  };
  const place = placeOf(c);
  if (place) view.place = place;
  if (c.partnerName) view.partner = msg.consultation.partner(c.partnerName);
  if (c.meetingMoved) view.moved = msg.consultation.moved(c.meetingMoved);
  if (c.monthCancelled) view.monthCancelled = c.monthCancelled;
  if (c.takesOver) view.takesOver = c.takesOver.description;
  if (lines.deadline) view.deadline = lines.deadline;
  if (lines.closed) view.closed = lines.closed;
  if (rows.length === 0) view.empty = msg.dossiers.none;
  return view;
}

// ---------------------------------------------------------------------------------------------
// Changes to the selection (pure, for the component's state)

export const toggle = (selection: Selection, dossierId: string): Selection => {
  if (selection[dossierId] !== undefined) {
    const { [dossierId]: _removed, ...rest } = selection;
    return rest;
  }
  return { ...selection, [dossierId]: '' };
};

export const setDraft = (selection: Selection, dossierId: string, text: string): Selection =>
  selection[dossierId] === undefined ? selection : { ...selection, [dossierId]: text };

/** Before sending anything: every ticked dossier needs a valid statement (nothing half-sent). */
export function readyToSend(selection: Selection, problemMax: number): { ok: true; flags: { dossierId: string; problem: string }[] } | { ok: false } {
  const flags = Object.entries(selection).map(([dossierId, problem]) => ({ dossierId, problem }));
  if (flags.length === 0 || flags.some((f) => checkProblem(f.problem, problemMax).error)) return { ok: false };
  return { ok: true, flags };
}

/** After a reload: drop ticks of dossiers that are flagged now or cannot be ticked any more. */
export function keepSelectable(selection: Selection, view: PaneView): Selection {
  const selectable = new Set(view.rows.filter((r) => r.selectable).map((r) => r.dossierId));
  return Object.fromEntries(Object.entries(selection).filter(([id]) => selectable.has(id)));
}
