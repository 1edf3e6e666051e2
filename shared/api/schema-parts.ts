/**
 * The building blocks the API's zod schemas share (schemas.ts, dossier-schemas.ts,
 * organisation-schemas.ts): ids, dates, free text, and the head every dossier view starts with.
 */
import { z } from 'zod';
import { checkFreeText, FREE_TEXT, isAbsentText, type FreeTextField } from '../rules/free-text';

export const id = z.string().min(1).max(100);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * A text a person types into `field`: its length limit and allowed characters come from the one
 * free-text table (shared/rules/free-text.ts), the same check the services make. An empty text passes
 * here: the service says in its own words that it is missing (or that an optional one is absent).
 */
export const freeText = (field: FreeTextField) =>
  z
    .string()
    .superRefine((value, ctx) => {
      if (isAbsentText(value)) return;
      const check = checkFreeText(value, field);
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.problem, params: { freeText: check.problem, max: check.max } });
    })
    .meta({ maxLength: FREE_TEXT[field].max });

/** What every view of a dossier shows first: which one, what kind, how far (with Dutch labels). */
export const dossierHead = {
  id,
  number: z.string(),
  kind: z.enum(['VT', 'other']),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
};
