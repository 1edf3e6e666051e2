/**
 * The building blocks the API's zod schemas share (schemas.ts, dossier-schemas.ts,
 * organisation-schemas.ts): ids, dates, bounded text, and the head every dossier view starts with.
 */
import { z } from 'zod';

export const id = z.string().min(1).max(100);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const text = (max: number) => z.string().max(max);

/** What every view of a dossier shows first: which one, what kind, how far (with Dutch labels). */
export const dossierHead = {
  id,
  number: z.string(),
  kind: z.enum(['VT', 'other']),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
};
