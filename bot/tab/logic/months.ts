/**
 * The months the overview's period can start or end in: picked from a list with Dutch month names
 * (a browser's own month field writes them in the browser's language, often English). Pure.
 */

/** "2026-12" moved by `delta` months ("2027-01" for +1, across years). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months up to and including `current`, newest first. */
export const recentMonths = (current: string, count: number): string[] => Array.from({ length: count }, (_, i) => shiftMonth(current, -i));
