/**
 * Subject access request: everything stored about the tenant of one dossier, as one JSON document
 * (the dossier with its history, the flags and conclusions that mention it, the absences that name
 * it). An administrator's task (CLI); the export itself is audited on the dossier.
 */
import { DomainError } from '../rules/errors';
import { brusselsDate, monthOf, monthsBetween, nextMonth } from '../rules/calendar';
import type { Absence, Conclusion, Dossier, Flag, IsoDate, YearMonth } from '../rules/types';
import { privacyMessages as msg } from '../messages/privacy';
import type { DossierHistory, LandlordPorts } from './ports';

export interface TenantDataExport {
  exportedAt: string;
  landlordId: string;
  dossier: Dossier;
  history: Omit<DossierHistory, 'dossier'>;
  flags: Flag[];
  conclusions: (Conclusion & { partnerId: string; month: YearMonth })[];
  absences: Absence[];
}

/** The dossier by id or by its number. */
export async function findDossier(ports: LandlordPorts, idOrNumber: string): Promise<Dossier> {
  const dossier = (await ports.dossiers.get(idOrNumber)) ?? (await ports.dossiers.getByNumber(idOrNumber));
  if (!dossier) throw new DomainError('not-found', msg.dossierNotFound(idOrNumber));
  return dossier;
}

/** Every partner that ever held the dossier: their consultations may mention it. */
export const partnersOf = (d: Dossier): string[] => [...new Set([d.registeringPartnerId, d.supportingPartnerId, ...d.formerPartnerIds])];

/**
 * The consultation months that can mention a dossier: from its creation to a little after today
 * (flags may be for the next consultations). Flags can exist without a consultation record, so every
 * month is read, not only the consultations listed.
 */
export function monthsOfDossier(d: Dossier, today: IsoDate): YearMonth[] {
  return monthsBetween(monthOf(d.createdOn), nextMonth(monthOf(today), 3));
}

export async function exportTenantData(
  ports: LandlordPorts,
  idOrNumber: string,
  options: { now: string; actor: string },
): Promise<TenantDataExport> {
  const dossier = await findDossier(ports, idOrNumber);
  const history = await ports.dossiers.history(dossier.id);
  if (!history) throw new DomainError('not-found', msg.dossierNotFound(idOrNumber));
  const flags: Flag[] = [];
  const conclusions: TenantDataExport['conclusions'] = [];
  const absences: Absence[] = [];
  for (const partnerId of partnersOf(dossier)) {
    for (const month of monthsOfDossier(dossier, brusselsDate(options.now))) {
      const { consultation, flags: monthFlags } = await ports.consultations.getWithFlags(partnerId, month);
      flags.push(...monthFlags.filter((f) => f.dossierId === dossier.id));
      const mentioned = consultation?.conclusions.filter((c) => c.dossierId === dossier.id) ?? [];
      conclusions.push(...mentioned.map((c) => ({ ...c, partnerId, month })));
    }
    absences.push(...(await ports.absences.listByPartner(partnerId)).filter((a) => a.dossierIds.includes(dossier.id)));
  }
  await ports.audit.append({ at: options.now, actor: options.actor, action: 'privacy.export', dossierId: dossier.id, basis: 'role' });
  const { dossier: _stored, ...rest } = history;
  return { exportedAt: options.now, landlordId: ports.landlordId, dossier: history.dossier, history: rest, flags, conclusions, absences };
}
