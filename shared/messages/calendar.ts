/** Dutch texts of the protocol calendar (R12, R13, R15, R-H). */
import { monthName } from './dates';

const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/** "augustus 2027" */
const monthLabel = (month: string): string => `${monthName(Number(month.slice(5, 7)))} ${month.slice(0, 4)}`;

export const calendarMessages = {
  formatDate: dayMonthYear,
  publicHoliday: (name: string) => `${name} (wettelijke feestdag)`,
  closingDay: 'sluitingsdag van de verhuurder',
  weekend: 'weekend',
  tooCloseToMeeting: 'de uitnodiging moet vóór het overleg vallen',
  moved: (from: string, reason: string) => `verplaatst van ${dayMonthYear(from)} wegens ${reason}`,
  movedBeforeMeeting: (from: string) => `verplaatst van ${dayMonthYear(from)}, omdat de uitnodiging vóór het overleg moet vallen`,
  monthCancelled: (month: string, wouldBe: string, next: string) =>
    `Het overleg van ${monthLabel(month)} vervalt: door de sluitingsdagen van de verhuurder zou het op ${dayMonthYear(
      wouldBe,
    )} vallen, buiten de maand en niet na het overleg van de maand ervoor. De dossiers gaan naar het overleg van ${dayMonthYear(next)}.`,
  takesOver: (months: readonly string[]) =>
    `Dit overleg neemt ook de dossiers van ${months.map(monthLabel).join(' en ')} op: het overleg van ${
      months.length === 1 ? 'die maand vervalt' : 'die maanden vervalt'
    } door de sluitingsdagen van de verhuurder.`,
  invalidMonth: (value: string) => `Ongeldige maand "${value}": gebruik JJJJ-MM, bijvoorbeeld 2025-12.`,
  invalidDate: (value: string) => `Ongeldige datum "${value}": gebruik JJJJ-MM-DD, bijvoorbeeld 2025-12-24.`,
  rangeReversed: (from: string, to: string) => `--to (${to}) ligt vóór --from (${from}).`,
  rangeTooLong: (max: number) => `Een periode van hoogstens ${max} maanden, alstublieft.`,
} as const;
