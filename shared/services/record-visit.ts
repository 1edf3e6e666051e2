/**
 * R17, R18, R19: the landlord plans a home visit (3-month visit, extra three-way visit, final
 * evaluation) and records how it went: whether the support worker was there, the findings per part
 * of the home (house, garden, terrace, garage) and whether it found serious defects. Findings with
 * problems put the dossier on the agenda of the right consultation (R14, agenda rules); serious
 * defects at a final evaluation keep the trajectory open until a consultation decides (R19).
 *
 * R19: a held final evaluation says whether the support worker was there; without the worker it is
 * kept as a visit (its findings still go to the consultation), it does not count as the final
 * evaluation, and the result says a new one must be planned (the jobs remind as for one not planned).
 *
 * Without `visitId` a new visit is created; with it, that visit is created or completed (a planned
 * visit gets its date held and findings). Recording the same again writes nothing.
 */
import { authorize } from '../rules/access';
import { isAfter, isBefore } from '../rules/dates';
import { DomainError } from '../rules/errors';
import { isFinalEvaluationWithoutWorker } from '../rules/trajectory-end';
import type { HomePart, IsoDate, Visit, VisitFinding } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { trajectoryEndMessages as endMsg } from '../messages/trajectory-end';
import { auditEntry } from './audit';
import { todayOf, type ServiceContext } from './context';
import { loadAuthorized } from './dossier-access';
import {
  invalid,
  optionalBoolean,
  optionalDate,
  optionalId,
  optionalText,
  requireBoolean,
  requireInput,
  requireOneOf,
} from './validate';

export interface RecordVisitInput {
  dossierId: string;
  visitId?: string;
  kind: Visit['kind'];
  plannedOn?: IsoDate;
  heldOn?: IsoDate;
  supportWorkerPresent?: boolean;
  findings?: VisitFinding[];
  seriousDefects?: boolean;
}

export interface RecordVisitResult {
  visit: Visit;
  changed: boolean;
  /** R19: held as a final evaluation without the support worker: a visit only; plan a new one. */
  newFinalEvaluationNeeded: boolean;
}

const VISIT_KINDS: readonly Visit['kind'][] = ['home-visit-3m', 'extra', 'final-evaluation'];
const HOME_PARTS: readonly HomePart[] = ['house', 'garden', 'terrace', 'garage'];

function findingsOf(value: unknown): VisitFinding[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid('findings', msg.fieldInvalid(msg.fieldLabel.findings));
  if (value.length > HOME_PARTS.length) throw invalid('findings', msg.tooMany(msg.fieldLabel.findings, HOME_PARTS.length));
  const findings = value.map((raw: unknown): VisitFinding => {
    const f = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const part = requireOneOf(f.part, HOME_PARTS, 'findingPart');
    const ok = requireBoolean(f.ok, 'findingOk');
    const note = optionalText(f.note, 'findingNote', 'findingNote');
    return note ? { part, ok, note } : { part, ok };
  });
  if (new Set(findings.map((f) => f.part)).size !== findings.length) throw invalid('findings', msg.duplicate(msg.fieldLabel.findings));
  // A fixed order (house, garden, terrace, garage): the same findings compare equal.
  return HOME_PARTS.flatMap((p) => findings.filter((f) => f.part === p));
}

export async function recordVisit(ctx: ServiceContext, input: RecordVisitInput): Promise<RecordVisitResult> {
  requireInput(input);
  const loaded = await loadAuthorized(ctx, input.dossierId, 'visit.record');
  const kind = requireOneOf(input.kind, VISIT_KINDS, 'visitKind');
  const plannedOn = optionalDate(input.plannedOn, 'plannedOn');
  const heldOn = optionalDate(input.heldOn, 'heldOn');
  const supportWorkerPresent = optionalBoolean(input.supportWorkerPresent, 'supportWorkerPresent');
  const findings = findingsOf(input.findings);
  const seriousDefects = optionalBoolean(input.seriousDefects, 'seriousDefects');
  const today = todayOf(ctx);
  if (heldOn && isAfter(heldOn, today)) throw invalid('heldOn', msg.dateInFuture(msg.fieldLabel.heldOn, today));
  const id = optionalId(input.visitId, 'visitId') ?? ctx.ids();

  return ctx.ports.unitOfWork.inDossier(loaded.id, async (w) => {
    authorize(ctx.user, 'visit.record', w.dossier);
    const leaseStart = w.dossier.leaseStart;
    if (!leaseStart) throw new DomainError('conflict', msg.visitWithoutLease); // R17: visits belong to a tenancy
    if (heldOn && isBefore(heldOn, leaseStart)) {
      throw invalid('heldOn', msg.dateBefore(msg.fieldLabel.heldOn, msg.fieldLabel.leaseStart, leaseStart));
    }
    const existing = input.visitId ? await w.getVisit(id) : undefined;
    if (existing && existing.kind !== kind) throw invalid('visitKind', msg.visitKindChanged);
    if (existing?.heldOn && heldOn && existing.heldOn !== heldOn) throw new DomainError('conflict', msg.visitAlreadyHeld(existing.heldOn));

    const next: Visit = {
      id,
      dossierId: w.dossier.id,
      kind,
      findings: findings ?? existing?.findings ?? [],
      seriousDefects: seriousDefects ?? existing?.seriousDefects ?? false,
    };
    const planned = plannedOn ?? existing?.plannedOn;
    const held = heldOn ?? existing?.heldOn;
    const present = supportWorkerPresent ?? existing?.supportWorkerPresent;
    if (planned) next.plannedOn = planned;
    if (held) next.heldOn = held;
    if (present !== undefined) next.supportWorkerPresent = present;
    if (!planned && !held) throw invalid('plannedOn', msg.visitNeedsDate);
    if (!held && (next.findings.length > 0 || next.seriousDefects || present !== undefined)) {
      throw invalid('findings', msg.findingsOnlyWhenHeld);
    }
    // R19: whether the worker was there decides whether it counts as the final evaluation.
    if (held && kind === 'final-evaluation' && present === undefined) throw invalid('supportWorkerPresent', endMsg.workerPresenceRequired);
    const newFinalEvaluationNeeded = isFinalEvaluationWithoutWorker(next);
    if (existing && JSON.stringify(canonical(existing)) === JSON.stringify(canonical(next))) {
      return { visit: existing, changed: false, newFinalEvaluationNeeded };
    }

    w.putVisit(next);
    w.appendAudit(
      auditEntry(ctx, 'visit.record', {
        dossierId: w.dossier.id,
        basis: 'role',
        details: {
          visitId: id,
          kind,
          held: Boolean(held),
          partsWithProblems: next.findings.filter((f) => !f.ok).length,
          seriousDefects: next.seriousDefects,
          countsAsFinalEvaluation: kind === 'final-evaluation' && !newFinalEvaluationNeeded,
        },
      }),
    );
    return { visit: next, changed: true, newFinalEvaluationNeeded };
  });
}

/** Field order does not matter when comparing a stored visit with a new one. */
function canonical(v: Visit): Visit {
  const out: Visit = { id: v.id, dossierId: v.dossierId, kind: v.kind, findings: v.findings, seriousDefects: v.seriousDefects };
  if (v.plannedOn) out.plannedOn = v.plannedOn;
  if (v.heldOn) out.heldOn = v.heldOn;
  if (v.supportWorkerPresent !== undefined) out.supportWorkerPresent = v.supportWorkerPresent;
  return out;
}
