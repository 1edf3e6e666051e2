/** Dutch texts of the protocol calendar (R12, R13, R15, R-H). */
const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export const calendarMessages = {
  formatDate: dayMonthYear,
  publicHoliday: (name: string) => `${name} (wettelijke feestdag)`,
  closingDay: 'sluitingsdag van de verhuurder',
  weekend: 'weekend',
  tooCloseToMeeting: 'moet vóór de datum van het overleg vallen',
  moved: (from: string, reason: string) => `verplaatst van ${dayMonthYear(from)} wegens ${reason}`,
  invalidMonth: (value: string) => `Ongeldige maand "${value}": gebruik JJJJ-MM, bijvoorbeeld 2025-12.`,
  invalidDate: (value: string) => `Ongeldige datum "${value}": gebruik JJJJ-MM-DD, bijvoorbeeld 2025-12-24.`,
  rangeReversed: (from: string, to: string) => `--to (${to}) ligt vóór --from (${from}).`,
  rangeTooLong: (max: number) => `Een periode van hoogstens ${max} maanden, alstublieft.`,
} as const;
