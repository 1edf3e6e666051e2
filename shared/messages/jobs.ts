/** Dutch texts of the protocol calendar's jobs and their commands (`woonbegeleiding jobs`, `outbox`). */
import { calendarMessages } from './calendar';

const date = calendarMessages.formatDate;

export const jobMessages = {
  /** The Teams meeting's subject (R16): no partner name, only the landlord's and the date. */
  meetingSubject: (landlordName: string, meetingDate: string) => `Structureel overleg woonbegeleiding ${landlordName} ${date(meetingDate)}`,

  /** Lines for `woonbegeleiding help` (shared/messages/cli.ts `usage`). */
  usage: [
    '  jobs [--at JJJJ-MM-DDTUU:MM] [--json]',
    '      voert uit wat op dat moment (Brusselse tijd) moet gebeuren: uitnodigingen, aanmeldtermijn, conclusies, herinneringen',
    '  outbox [--json]',
    '      de e-mails in de lokale outbox, nieuwste eerst',
  ],

  runHeader: (weekday: string, day: string, time: string) => `Taken op ${weekday} ${date(day)} ${time} (Brusselse tijd):`,
  nothingDue: 'Op dit moment moet er niets gebeuren.',
  // No count: a second run skips whole jobs, so a count of its steps is not the count of the effects.
  nothingNew: 'Niets nieuws: alles wat op dit moment moest gebeuren, is al gebeurd.',
  summary: (done: number, recovered: number, failed: number, already: number) =>
    `Samen: ${done} nieuw, ${recovered} hersteld na een onderbreking, ${failed} mislukt; ${already} ${already === 1 ? 'was' : 'waren'} al gebeurd.`,
  jobError: (job: string, code: string) => `Taak "${job}" stopte met een fout (${code}); de volgende run probeert opnieuw.`,
  reportHeader: ['Taak', 'Partner', 'Maand', 'Dossier', 'Wat', 'Resultaat'],
  job: {
    safety: 'veiligheid',
    invitation: 'uitnodiging',
    deadline: 'aanmeldtermijn',
    conclusions: 'conclusies',
    milestones: 'mijlpalen',
    information: 'informatievragen',
    replies: 'antwoorden',
  } as Record<string, string>,
  effect: {
    'safety-mail': 'veiligheidssignaal (e-mail aan de verhuurder)',
    meeting: 'Teams-vergadering',
    'invitation-mail': 'uitnodiging met agenda (e-mail)',
    'agenda-card': 'agendakaart (Teams)',
    'cancellation-mail': 'overleg gaat niet door (e-mail)',
    'consultation-off': 'overleg gaat niet door (Teams)',
    'agenda-card-closed': 'afgesloten agenda (Teams)',
    'record-conclusions-reminder': 'herinnering: conclusies noteren (coördinator)',
    'conclusions-mail': 'conclusies ter bevestiging (e-mail)',
    'conclusions-reminder': 'herinnering: conclusies bevestigen (e-mail)',
    'plan-visit-reminder': 'huisbezoek inplannen (coördinator)',
    'information-reminder': 'herinnering: vraag om informatie (e-mail)',
    reply: 'antwoord per e-mail verwerkt',
    'reply-ack': 'ontvangstbevestiging (e-mail)',
    'unclear-reply-alert': 'onduidelijk antwoord naar de coördinator',
    'failing-alert': 'melding: stap mislukt herhaaldelijk (coördinator)',
  } as Record<string, string>,
  outcome: {
    done: 'gedaan',
    recovered: 'was al gebeurd vóór een onderbreking; vastgelegd',
    'already-done': 'al gebeurd',
    'in-progress': 'bezig op een andere instantie',
    failed: 'mislukt; wordt opnieuw geprobeerd',
    'gave-up': 'niet meer geprobeerd; de coördinator is verwittigd',
  } as Record<string, string>,
  recipients: (n: number) => `${n} ${n === 1 ? 'ontvanger' : 'ontvangers'}`,
  notDelivered: 'geen Teams-gesprek gekoppeld',
  reason: (code: string) => `fout: ${code}`,
  replyCounts: (flagged: number, unclear: number) => `${flagged} geagendeerd, ${unclear} onduidelijk`,
  badMoment: (value: string) => `Ongeldig tijdstip "${value}": gebruik JJJJ-MM-DDTUU:MM (Brusselse tijd), bijvoorbeeld 2026-11-19T08:00.`,
  jobsOnlyLocal:
    'In Azure voert de server de taken zelf uit (SCHEDULER_ENABLED). "woonbegeleiding jobs" werkt alleen lokaal, zodat een proef met --at nooit echte e-mail verstuurt.',

  // outbox
  outboxHeader: ['Verzonden', 'Aan', 'Onderwerp', 'Bestand'],
  outboxEmpty: (dir: string) => `Er staat geen e-mail in de outbox (${dir}).`,
  outboxCount: (n: number, dir: string) => `${n} ${n === 1 ? 'e-mail' : 'e-mails'} in ${dir}.`,
  outboxGraph: (mailbox: string) => `E-mail gaat via Microsoft Graph: je vindt ze bij "Verzonden items" van ${mailbox}.`,
} as const;
