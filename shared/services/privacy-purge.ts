/**
 * Erases the personal data of trajectories closed before a date (retention), keeping the anonymous
 * facts: the records stay with their dates, kinds, categories and statuses, so counts still add up,
 * but names, addresses and every text somebody typed are replaced: in the dossier and its history,
 * the list copies, the flags and conclusions, and the absences that name it (everything the export
 * lists). Idempotent: a purged dossier is
 * marked (`purgedOn`) and skipped next time. Audited per dossier.
 * The mark is the last write of a purge and its entry a write after it: a failure between the two
 * leaves a purged dossier without its entry, which the mark alone would skip for ever. So a marked
 * dossier without its 'privacy.purge' entry still counts as to purge: the next run writes only the
 * entry (DESIGN, Security: audit; "nothing half-written"). Costs one read of each purged dossier's log.
 */
import { compareDates } from '../rules/dates';
import type { Absence, AuditEntry, Conclusion, Dossier, IsoDate } from '../rules/types';
import { privacyMessages as msg } from '../messages/privacy';
import type { HistoryRewrite, LandlordPorts } from './ports';
import { monthsOfDossier, partnersOf } from './privacy-export';

const ERASED = msg.erased;

const isPurgeEntry = (e: AuditEntry): boolean => e.action === 'privacy.purge';

/** Closed dossiers (positively or stopped) closed before `date`, not yet purged, or purged without their entry. */
export async function dossiersToPurge(ports: LandlordPorts, closedBefore: IsoDate): Promise<Dossier[]> {
  const closed = (await ports.dossiers.listAll()).filter(
    (d) => (d.status === 'closed-positive' || d.status === 'stopped') && d.closedOn && compareDates(d.closedOn, closedBefore) < 0,
  );
  const out: Dossier[] = [];
  for (const d of closed) {
    if (!d.purgedOn || !(await ports.audit.listByDossier(d.id)).some(isPurgeEntry)) out.push(d);
  }
  return out;
}

const redact = (today: IsoDate): HistoryRewrite => ({
  dossier: (d) => {
    const { address: _address, ...tenant } = d.tenant;
    const next: Dossier = {
      ...d,
      tenant: { ...tenant, name: ERASED },
      supportWorker: { name: ERASED },
      transfers: d.transfers.map((t) => ({ ...t, reason: ERASED, ...(t.refusalReason ? { refusalReason: ERASED } : {}) })),
      purgedOn: today,
    };
    if (d.consent) next.consent = { ...d.consent, scope: ERASED };
    if (d.stopReason) next.stopReason = ERASED;
    return next;
  },
  signal: (s) => ({ ...s, description: ERASED }),
  visit: (v) => ({ ...v, findings: v.findings.map(({ note: _note, ...f }) => f) }),
  contact: (c) => (c.reasonMissed ? { ...c, reasonMissed: ERASED } : c),
  request: (r) => ({ ...r, question: ERASED, ...(r.answer ? { answer: { ...r.answer, text: ERASED } } : {}) }),
});

/**
 * An absence no longer names the purged dossier; once it names none, the worker's name and the typed
 * replacement contact go too (the dates stay). One naming other dossiers keeps them: they still need it.
 */
export function absenceWithout(absence: Absence, dossierId: string): Absence {
  const dossierIds = absence.dossierIds.filter((id) => id !== dossierId);
  return dossierIds.length > 0 ? { ...absence, dossierIds } : { ...absence, dossierIds, workerName: ERASED, replacementContact: ERASED };
}

/** Erases one dossier's personal data everywhere it is stored; answers how many records changed. */
async function purgeDossier(ports: LandlordPorts, dossier: Dossier, today: IsoDate): Promise<number> {
  const history = await ports.dossiers.history(dossier.id);
  let records = history ? 1 + history.signals.length + history.visits.length + history.contactLog.length + history.informationRequests.length : 0;
  // Flags and conclusions first: the dossier's mark comes last, so an interrupted purge is redone.
  for (const partnerId of partnersOf(dossier)) {
    for (const month of monthsOfDossier(dossier, today)) {
      records += await ports.unitOfWork.inConsultation(partnerId, month, (w) => {
        let changed = 0;
        for (const flag of w.flags.filter((f) => f.dossierId === dossier.id && f.problem !== ERASED)) {
          w.putFlag({ ...flag, problem: ERASED });
          changed++;
        }
        const current = w.consultation;
        // The conclusions sent and those noted in the meeting (side panel): summaries and stop reasons.
        const typed = (c: Conclusion) => c.dossierId === dossier.id && (c.summary !== ERASED || (c.decision.kind === 'stop' && c.decision.reason !== ERASED));
        const erase = (list: Conclusion[]) => list.map((c): Conclusion => (c.dossierId !== dossier.id ? c : { ...c, summary: ERASED, decision: c.decision.kind === 'stop' ? { kind: 'stop', reason: ERASED } : c.decision }));
        if (current && (current.conclusions.some(typed) || current.draftConclusions?.some(typed))) {
          w.setConsultation({ ...current, conclusions: erase(current.conclusions), ...(current.draftConclusions ? { draftConclusions: erase(current.draftConclusions) } : {}) });
          changed++;
        }
        return changed;
      });
    }
  }
  // The absences that name it (worker, replacement contact, dossier ids: R5).
  for (const partnerId of partnersOf(dossier)) {
    for (const absence of (await ports.absences.listByPartner(partnerId)).filter((a) => a.dossierIds.includes(dossier.id))) {
      await ports.absences.update(partnerId, absence.id, (current) => absenceWithout(current, dossier.id));
      records++;
    }
  }
  await ports.dossiers.rewriteHistory(dossier.id, redact(today));
  return records;
}

export async function purgeClosedBefore(
  ports: LandlordPorts,
  closedBefore: IsoDate,
  options: { today: IsoDate; now: string; actor: string },
): Promise<{ dossiers: number; records: number }> {
  let records = 0;
  const dossiers = await dossiersToPurge(ports, closedBefore);
  for (const dossier of dossiers) {
    // Marked: everything was erased before the mark; only its entry is missing (this run's moment).
    if (!dossier.purgedOn) records += await purgeDossier(ports, dossier, options.today);
    await ports.audit.append({ at: options.now, actor: options.actor, action: 'privacy.purge', dossierId: dossier.id, basis: 'role' });
  }
  return { dossiers: dossiers.length, records };
}
