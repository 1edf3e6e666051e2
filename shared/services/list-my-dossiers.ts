/**
 * The dossiers the acting user may see (DESIGN, Security): a partner member those of its own
 * organisation (registering or supporting, not handed over, R6); the landlord all of them, or one
 * partner's. One read of one partition. Each entry is a summary with the tenant's name (to recognise
 * the dossier); the listing is audited once (who, which list, how many), without the names.
 */
import { partnerNotFound, visibleDossiers } from '../rules/access';
import { DomainError } from '../rules/errors';
import { plannedEnd } from '../rules/trajectory';
import type { Dossier, IsoDate, TrajectoryKind, TrajectoryStatus } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { auditEntry } from './audit';
import type { ServiceContext } from './context';
import { isLandlordRole, memberPartnerId } from './roles';
import { optionalId } from './validate';

export interface ListMyDossiersInput {
  /** Landlord: only this partner's dossiers. A member may only name its own organisation. */
  partnerId?: string;
  /** Default false: closed (positively ended, stopped) dossiers are left out. */
  includeClosed?: boolean;
}

export interface DossierSummary {
  id: string;
  number: string;
  kind: TrajectoryKind;
  status: TrajectoryStatus;
  tenantName: string;
  registeringPartnerId: string;
  supportingPartnerId: string;
  leaseStart?: IsoDate;
  plannedEnd?: IsoDate;
  /** R6: a transfer request waits for the receiving organisation. */
  transferOpen: boolean;
}

const isOpen = (d: Dossier) => d.status === 'candidacy' || d.status === 'active' || d.status === 'extended';

function summary(d: Dossier): DossierSummary {
  const s: DossierSummary = {
    id: d.id,
    number: d.number,
    kind: d.kind,
    status: d.status,
    tenantName: d.tenant.name,
    registeringPartnerId: d.registeringPartnerId,
    supportingPartnerId: d.supportingPartnerId,
    transferOpen: d.transfers.some((t) => t.status === 'requested'),
  };
  const end = plannedEnd(d);
  if (d.leaseStart) s.leaseStart = d.leaseStart;
  if (end) s.plannedEnd = end;
  return s;
}

export async function listMyDossiers(ctx: ServiceContext, input: ListMyDossiersInput = {}): Promise<DossierSummary[]> {
  const filter = optionalId(input?.partnerId, 'partnerId');
  let dossiers: Dossier[];
  if (isLandlordRole(ctx.user)) {
    dossiers = filter ? await ctx.ports.dossiers.listForPartner(filter) : await ctx.ports.dossiers.listAll();
  } else {
    const own = memberPartnerId(ctx.user);
    if (!own) throw new DomainError('forbidden', msg.listNotAllowed);
    if (filter && filter !== own) throw partnerNotFound();
    dossiers = await ctx.ports.dossiers.listForPartner(own);
  }
  // The lists are copies; the access policy decides on the records themselves (R6 after a transfer).
  const visible = visibleDossiers(ctx.user, dossiers).filter((d) => input?.includeClosed || isOpen(d));
  const list = visible.map(summary);
  await ctx.ports.audit.append(
    auditEntry(ctx, 'dossier.list', {
      basis: 'role',
      ...(filter || memberPartnerId(ctx.user) ? { partnerId: filter ?? memberPartnerId(ctx.user) } : {}),
      details: { count: list.length },
    }),
  );
  return list;
}
