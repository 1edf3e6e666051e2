/** Dutch texts of the `woonbegeleiding` command. */
import { shortWeekdayName } from './dates';
import { jobMessages } from './jobs';
import { trajectoryMessages } from './trajectory';

export const cliMessages = {
  usage: [
    'Gebruik: woonbegeleiding <opdracht> [opties]',
    '',
    'Opdrachten:',
    '  calendar --from JJJJ-MM --to JJJJ-MM [--closing-day JJJJ-MM-DD]... [--json]',
    '      overlegdata, uitnodigingsdata en uiterste aanmelddata per maand (R12, R13, R15, R-H)',
    '  milestones --lease-start JJJJ-MM-DD [--extension MAANDEN]... [--kind VT|other] [--json]',
    '      mijlpalen van een traject en het overleg waarop ze besproken worden (R11, R17, R19, R20)',
    '  seed --demo [--force]',
    '      fictieve demogegevens in de opslag zetten (verhuurder, partners, gebruikers, dossiers)',
    '  dossiers [--partner ID] [--json]',
    '      de dossiers, of die van één partnerorganisatie (zonder namen van huurders)',
    '  import dossiers BESTAND.csv',
    '      dossiers importeren; één foute regel en er wordt niets geïmporteerd',
    '  privacy export --dossier ID',
    '      alles wat over een huurder bewaard is, als JSON (inzageverzoek)',
    '  privacy purge --closed-before JJJJ-MM-DD [--yes]',
    '      persoonsgegevens wissen van dossiers die vóór die datum afgesloten zijn',
    '  report [--from JJJJ-MM] [--to JJJJ-MM] [--at JJJJ-MM-DD] [--json]',
    '      overzicht van alle trajecten in cijfers: fasen, mijlpalen, verlengingen, afsluitingen, overleg, signalen',
    ...jobMessages.usage,
    '  teams-agenda [--maand JJJJ-MM] [--json]',
    '      de agendakaart van de maand nu posten (of bijwerken) in het gekoppelde Teams-gesprek van elke partner',
  ].join('\n'),
  unknownCommand: (name: string) => `Onbekende opdracht "${name}". Gebruik "woonbegeleiding help" voor de lijst.`,
  badOption: (option: string) => `Onbekende optie of optie zonder waarde: ${option}. Gebruik "woonbegeleiding help".`,
  missingOption: (name: string) => `De optie --${name} ontbreekt.`,
  unexpectedError: 'Er ging iets onverwachts mis; de details staan in het logboek.',
  /** Index: ISO weekday 1 (ma) ... 7 (zo). */
  weekdays: ['', ...[1, 2, 3, 4, 5, 6, 7].map(shortWeekdayName)],
  calendarHeader: ['Maand', 'Overleg', 'Uitnodiging', 'Aanmelden tot', 'Opmerking'],
  meetingMovedNote: (description: string) => `Overleg ${description}.`,
  cancelledCell: 'vervalt',
  invitationMovedNote: (description: string) => `Uitnodiging ${description}.`,
  milestonesHeader: ['Mijlpaal', 'Datum', 'Overleg'],
  leaseStartLine: (date: string) => `Start huurovereenkomst: ${date}`,
  plannedEndLine: (date: string) => `Geplande einddatum begeleiding: ${date}`,
  noConsultation: '-',
  seedNeedsDemo: 'Gebruik "seed --demo": alleen fictieve demogegevens kunnen zo gezaaid worden.',
  seeded: (dossiers: number, partners: number, users: number) =>
    `Demogegevens gezaaid: ${partners} partners, ${users} gebruikers, ${dossiers} dossiers.`,
  seedSkipped: 'De demoverhuurder bestaat al: niets gewijzigd (gebruik --force om ontbrekende gegevens aan te vullen).',
  noLandlord: (id: string) => `Verhuurder "${id}" bestaat niet in deze opslag. Start het product eens of gebruik "seed --demo".`,
  unknownPartner: (id: string) => `Partnerorganisatie "${id}" bestaat niet.`,
  dossiersHeader: ['Nummer', 'Soort', 'Fase', 'Begeleidend', 'Aanmeldend', 'Start huur', 'Gepland einde'],
  dossierCount: (n: number) => `${n} ${n === 1 ? 'dossier' : 'dossiers'}.`,
  kind: { VT: 'VT', other: 'AW' } as Record<string, string>,
  /** The same words as the pages and the cards (one vocabulary). */
  status: trajectoryMessages.statusLabel as Record<string, string>,
  importUsage: 'Gebruik: woonbegeleiding import dossiers BESTAND.csv',
  fileUnreadable: (file: string) => `Het bestand "${file}" kan niet gelezen worden.`,
  deadlineAt: (date: string, time: string) => `${date} ${time}`,
} as const;
