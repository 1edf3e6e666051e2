/**
 * Dutch texts of the tenant's contact letter (§3, R5): one page the support organisation hands the
 * tenant at the start of the support, with its general contact details and what to do in an emergency.
 * Written to the tenant ("u"), in plain words; no rule ids.
 */
import { calendarMessages } from './calendar';

const date = calendarMessages.formatDate;

export const contactLetterMessages = {
  title: 'Uw contactgegevens voor de woonbegeleiding',
  /** The letter's date line. */
  dated: (today: string) => `Datum: ${date(today)}`,
  dossier: (number: string) => `Dossier ${number}`,
  greeting: (tenantName: string) => `Beste ${tenantName},`,
  intro: (organisation: string, landlord: string, worker: string) =>
    `${organisation} begeleidt u bij het wonen in uw woning van ${landlord}. Uw woonbegeleider is ${worker}. Bewaar deze brief: hierop staat hoe u ons altijd kunt bereiken.`,
  absentHeading: 'Is uw woonbegeleider niet bereikbaar?',
  absent: (organisation: string) =>
    `Bijvoorbeeld bij ziekte of verlof: neem dan contact op met ${organisation}. Een collega helpt u verder.`,
  phone: 'Telefoon',
  email: 'E-mail',
  officeHours: 'Bereikbaar',
  emergencyHeading: 'In een noodgeval',
  emergency112: 'Is er levensgevaar, brand of een ernstig ongeval? Bel meteen 112.',
  technicalLine: (landlord: string, phone: string) =>
    `Een dringend technisch probleem in uw woning (zoals een lek, geen stroom of geen verwarming)? Bel de technische noodlijn van ${landlord}: ${phone}.`,
  technicalMailbox: (landlord: string, mailbox: string) =>
    `Een dringend technisch probleem in uw woning (zoals een lek, geen stroom of geen verwarming)? Meld het meteen aan ${landlord}: ${mailbox}.`,
  closing: 'Met vriendelijke groeten,',
  // Refusals
  notRunning: (number: string) =>
    `Voor dossier ${number} kan geen contactbrief gemaakt worden: de begeleiding loopt niet (meer). De brief is er vanaf de start van het traject tot het einde.`,
  purged: (number: string) => `Voor dossier ${number} kan geen contactbrief gemaakt worden: de gegevens van de huurder zijn gewist.`,
  noContact: (number: string) =>
    `Voor dossier ${number} kan geen contactbrief gemaakt worden: van de begeleidende dienst ontbreken de algemene contactgegevens (telefoon, e-mail, bereikbaarheid). Vul die aan bij Organisaties en gebruikers.`,
} as const;
