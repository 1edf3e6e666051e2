/**
 * How a dossier is stored (its entity and state, the copies in the partner lists with their visits)
 * and what one commit derives: shared by the dossier store (dossier-store.ts) and the staged work of
 * one transaction (dossier-work.ts).
 */
import type { TransactionAction } from '@azure/data-tables';
import type { Dossier, InformationRequest, Signal, Visit } from '../rules/types';
import type { DossierWithVisits } from '../services/ports';
import { asciiJson, chunkProps, fromChunks, MAX_CHARS, revOf, type Entity, type StoredEntity } from './codec';
import { encodePart, joinKey, rangeEnd } from './keys';
import { partnerSeesDossier } from '../rules/access';

/**
 * Partners whose list holds a copy of the dossier: those that see it (partnerSeesDossier, R6).
 * Services still check access on every read; this only decides which partner lists hold a copy.
 */
export function partnersWithAccess(d: Dossier): string[] {
  return [...new Set([d.supportingPartnerId, d.registeringPartnerId])].filter((p) => partnerSeesDossier(d, p));
}

export const DOSSIER_ROW = 'dossier';
export const PENDING_PK = 'pending';
export type Kind = 'signal' | 'visit' | 'contact' | 'inforeq' | 'audit';
export const range = (kind: Kind) => ({ from: kind + '|', to: rangeEnd(kind) });
/** The row of a record in its dossier's partition: `<kind>|<id>`. */
export const rowKeyOf = (kind: Exclude<Kind, 'audit'>, id: string): string => joinKey(kind, encodePart(id));

/** The stored dossier plus what the store keeps beside it. */
export interface DossierState {
  dossier: Dossier;
  rev: number;
  /** Every partner that ever got a copy: the ones that lost access get a tombstone. */
  indexed: string[];
}

export interface Derived {
  dossier?: DossierState;
  /** The dossier's visits for its copies, when already read (create, resync); else read after the commit. */
  visits?: Visit[];
  signals: Signal[];
  requests: { value: InformationRequest; rev: number }[];
}

export interface Staged<T> {
  actions: TransactionAction[];
  derived: Derived;
  result: T;
  /** For a plain create: a 409 means "exists", not "retry". */
  existsMessage?: string;
}

export const noDerived = (): Derived => ({ signals: [], requests: [] });
export const hasDerived = (d: Derived) => Boolean(d.dossier) || d.signals.length > 0 || d.requests.length > 0;

const time = (s: string | undefined) => (s ? Date.parse(s) : 0);
export const byTime =
  <T extends { id: string }>(at: (x: T) => string | undefined) =>
  (a: T, b: T) =>
    time(at(a)) - time(at(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function readState(e: StoredEntity): DossierState {
  return { dossier: fromChunks<Dossier>(e), rev: revOf(e), indexed: JSON.parse(String(e.indexed ?? '[]')) as string[] };
}

const VISITS = 'v'; // column prefix of the visits in a dossier copy: v0..vN, vn
const byVisitDate = byTime<Visit>((v) => v.heldOn ?? v.plannedOn);

/**
 * A visible dossier copy also carries the dossier's visits (the agenda reads them with the list), when
 * dossier and visits fit in one entity together; else it carries none and readers fall back to the
 * dossier's partition, as for a copy written before copies carried visits.
 */
export function withVisits(copy: Entity, dossierChars: number, visits: Visit[]): Entity {
  const json = asciiJson([...visits].sort(byVisitDate));
  return dossierChars + json.length <= MAX_CHARS ? { ...copy, ...chunkProps(json, VISITS) } : copy;
}

export function readCopy(e: StoredEntity): DossierWithVisits {
  const dossier = fromChunks<Dossier>(e);
  return e[`${VISITS}n`] === undefined ? { dossier } : { dossier, visits: fromChunks<Visit[]>(e, VISITS) };
}
