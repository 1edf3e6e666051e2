/**
 * Loading and changing one dossier the way every use case must (DESIGN, Security): a missing id and
 * a dossier the user may not see answer the same 'not-found'; access is checked again on the fresh
 * record inside the transaction; the change and its audit entry commit together (one partition); a
 * rule that changes nothing (it returns the same object) writes nothing and audits nothing.
 */
import { authorize, dossierNotFound, partnerNotFound, type Action } from '../rules/access';
import type { Dossier, Partner } from '../rules/types';
import { auditEntry, type AuditAction, type AuditDetails } from './audit';
import type { ServiceContext } from './context';
import type { DossierWork } from './ports';
import { requireId } from './validate';

/** The dossier, or the one 'not-found' for a missing id (whatever the user's rights). */
export async function loadDossier(ctx: ServiceContext, dossierId: unknown): Promise<Dossier> {
  const id = requireId(dossierId, 'dossierId');
  const dossier = await ctx.ports.dossiers.get(id);
  if (!dossier || dossier.landlordId !== ctx.ports.landlordId) throw dossierNotFound();
  return dossier;
}

/** Loads and authorizes: a dossier the user may not see is 'not-found', the same as a missing id. */
export async function loadAuthorized(ctx: ServiceContext, dossierId: unknown, action: Action): Promise<Dossier> {
  const dossier = await loadDossier(ctx, dossierId);
  authorize(ctx.user, action, dossier);
  return dossier;
}

export async function loadPartner(ctx: ServiceContext, partnerId: string): Promise<Partner> {
  const partner = await ctx.ports.partners.get(partnerId);
  if (!partner || partner.landlordId !== ctx.ports.landlordId) throw partnerNotFound();
  return partner;
}

export interface DossierStep {
  /** The access policy's action (rules/access.ts). */
  action: Action;
  audit: AuditAction;
  /** The pure rule: a new dossier, the same object when nothing changes, or a DomainError. */
  apply(dossier: Dossier): Dossier;
  /** Ids, enums, dates, counts only. */
  details?(before: Dossier, after: Dossier): AuditDetails;
  /** More staged writes of the same partition, in the same transaction. */
  alsoStage?(w: DossierWork, before: Dossier, after: Dossier): void | Promise<void>;
}

export interface DossierChange {
  dossier: Dossier;
  /** False for a repeat: nothing was written. */
  changed: boolean;
}

/** Load, authorize, apply the rule on fresh data, and commit the dossier with its audit entry. */
export async function changeDossier(ctx: ServiceContext, dossierId: unknown, step: DossierStep): Promise<DossierChange> {
  const loaded = await loadAuthorized(ctx, dossierId, step.action);
  return ctx.ports.unitOfWork.inDossier(loaded.id, async (w) => {
    const before = w.dossier;
    authorize(ctx.user, step.action, before); // the dossier may have changed hands meanwhile (R6)
    const after = step.apply(before);
    if (after === before) return { dossier: before, changed: false };
    w.setDossier(after);
    await step.alsoStage?.(w, before, after);
    w.appendAudit(auditEntry(ctx, step.audit, { dossierId: before.id, basis: 'role', details: step.details?.(before, after) ?? {} }));
    return { dossier: after, changed: true };
  });
}
