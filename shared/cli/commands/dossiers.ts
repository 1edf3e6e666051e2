/**
 * `woonbegeleiding dossiers [--partner ID] [--json]`: an operator's overview. It shows numbers,
 * stages and dates, never tenants' names or addresses (least data; `privacy export` is for those).
 */
import { parseArgs } from 'node:util';
import { cliMessages as msg } from '../../messages/cli';
import { calendarMessages } from '../../messages/calendar';
import { DomainError } from '../../rules/errors';
import { plannedEnd } from '../../rules/trajectory';
import type { Dossier } from '../../rules/types';
import { openCliStore } from '../connect';
import { renderTable } from '../table';

const summary = (d: Dossier) => ({
  id: d.id,
  number: d.number,
  kind: d.kind,
  status: d.status,
  supportingPartnerId: d.supportingPartnerId,
  registeringPartnerId: d.registeringPartnerId,
  leaseStart: d.leaseStart ?? null,
  plannedEnd: plannedEnd(d) ?? null,
});

export async function dossiersCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { partner: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const { store, config, close } = await openCliStore();
  try {
    if (!(await store.landlords.get(config.LANDLORD_ID))) throw new DomainError('not-found', msg.noLandlord(config.LANDLORD_ID));
    const ports = store.forLandlord(config.LANDLORD_ID);
    if (values.partner && !(await ports.partners.get(values.partner))) throw new DomainError('validation', msg.unknownPartner(values.partner));
    const dossiers = values.partner ? await ports.dossiers.listForPartner(values.partner) : await ports.dossiers.listAll();
    const rows = dossiers.map(summary);
    if (values.json) return out(JSON.stringify(rows, null, 2));
    const date = (d: string | null) => (d ? calendarMessages.formatDate(d) : '-');
    out(
      renderTable(
        msg.dossiersHeader,
        rows.map((r) => [r.number, msg.kind[r.kind] ?? r.kind, msg.status[r.status] ?? r.status, r.supportingPartnerId, r.registeringPartnerId, date(r.leaseStart), date(r.plannedEnd)]),
      ) + `\n${msg.dossierCount(rows.length)}`,
    );
  } finally {
    await close();
  }
}
