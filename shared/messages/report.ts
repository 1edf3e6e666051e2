/**
 * The landlord's overview of all trajectories (the overview page and `woonbegeleiding report`):
 * headings, column names and the words for statuses, milestones and signals, in Belgian Dutch.
 */
import { agendaMessages } from './agenda';
import { trajectoryTimingMessages } from './milestones';
import { trajectoryMessages } from './trajectory';

const number = new Intl.NumberFormat('nl-BE');

export const reportMessages = {
  title: 'Overzicht van de trajecten',
  period: (from: string, to: string) => `Periode: ${from} tot en met ${to}`,
  asOf: (day: string) => `Stand op ${day}`,
  fromLabel: 'Van (maand)',
  toLabel: 'Tot en met (maand)',
  show: 'Toon',
  loading: 'Het overzicht wordt geladen…',
  tableCaption: (chart: string) => `${chart}: de cijfers`,
  number: (n: number) => number.format(n),
  /** "december 2026" */
  month: (month: string) => new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`)),
  date: (day: string) => new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)),
  status: trajectoryMessages.statusLabel,
  milestone: trajectoryTimingMessages.milestoneLabel,
  signal: agendaMessages.signalCategory,
  chart: {
    trajectories: 'Trajecten per organisatie en fase',
    milestones: 'Mijlpalen deze maand en volgende maand',
    overdue: 'Mijlpalen te laat',
    extensions: 'Verlengingen en hun duur',
    closures: 'Positieve afsluitingen en stopzettingen per kwartaal',
    consultations: 'Structureel overleg: gehouden, niet doorgegaan, bevestigd',
    signals: 'Signalen per soort',
  },
  column: {
    partner: 'Organisatie',
    total: 'Totaal',
    month: 'Maand',
    milestone: 'Mijlpaal',
    due: 'Te doen',
    overdue: 'Te laat',
    months: 'Duur',
    count: 'Aantal',
    quarter: 'Kwartaal',
    positive: 'Positief afgesloten',
    stopped: 'Stopgezet',
    held: 'Gehouden',
    skipped: 'Niet doorgegaan',
    awaiting: 'Wacht op bevestiging',
    confirmed: 'Bevestigd',
    signal: 'Soort signaal',
  },
  extensionMonths: (months: number) => `${months} maanden`,
  none: 'Geen.',
  badDay: (value: string) => `"${value}" is geen geldige dag (JJJJ-MM-DD).`,
  noAccess: 'Het overzicht is er voor de medewerkers van de verhuurder.',
} as const;
