/** What every part of the store shares: its tables, retry policy, logger and test hooks. */
import type { DirectoryCache } from './directory-cache';
import type { KeyedQueue, Table, RetryPolicy, StoreLogger } from './table';

/** Logical table names; the real name is `<prefix><name>` (Azure: 3-63 letters and digits). */
export const TABLES = [
  'landlords',
  'partners',
  'users',
  'dossiers',
  'dossierindex',
  'consultations',
  'absences',
  'conversations',
  'audit',
  'once',
] as const;
export type TableName = (typeof TABLES)[number];

export interface StoreHooks {
  /**
   * Called after a dossier write committed and before its copies are written. Tests make it throw
   * to act out a crash at the worst moment; production leaves it unset.
   */
  beforeDerivedSync?: (dossierId: string) => Promise<void>;
}

export interface StoreContext {
  tables: Record<TableName, Table>;
  /** Copies of landlords, partners and users (off unless the store was opened with a time to live). */
  directory: DirectoryCache;
  retry: RetryPolicy;
  log: StoreLogger;
  hooks: StoreHooks;
  /** Serialises read-mutate-write of one record within this process. */
  queue: KeyedQueue;
}
