/**
 * Dutch texts of the date fields (Fluent UI's date picker on the dossier pages): what a day looks
 * like when typed, its refusal, and the calendar's buttons. Month and day names come from Intl
 * (nl-BE) in bot/tab/logic/date-input.ts. Pure: the page's bundle includes it.
 */
export const dateInputMessages = {
  placeholder: 'dd/mm/jjjj',
  invalid: (typed: string) => `"${typed}" is geen geldige datum: typ dd/mm/jjjj, bijvoorbeeld 24/12/2026, of kies een dag in de kalender.`,
  openCalendar: 'Kalender openen',
  goToToday: 'Naar vandaag',
  weekNumber: 'Week {0}',
  prevMonth: 'Vorige maand',
  nextMonth: 'Volgende maand',
  prevYear: 'Vorig jaar',
  nextYear: 'Volgend jaar',
  prevYearRange: 'Vorige jaren',
  nextYearRange: 'Volgende jaren',
  close: 'Kalender sluiten',
  selected: 'Gekozen datum {0}',
  today: 'Vandaag {0}',
  monthPickerHeader: '{0}, ander jaar kiezen',
  yearPickerHeader: '{0}, andere maand kiezen',
  marked: 'gemarkeerd',
} as const;
