/**
 * Dutch texts of the Outlook add-in: its task pane, the e-mail summary it inserts, and the problems of
 * its API (/api/...). Pure (no imports but other catalogue files): the pane's bundle includes it.
 */
import { agendaMessages } from './agenda';
import { calendarMessages } from './calendar';
import { weekdayOf } from './dates';

const date = calendarMessages.formatDate;

/** "donderdag 27/11/2025": the weekday of a calendar day, computed without a clock or time zone. */
const longDate = (iso: string): string => `${weekdayOf(iso)} ${date(iso)}`;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const addinMessages = {
  longDate,
  /** A reason of the agenda with its detail, e.g. "Signaal: agressie". */
  reasonDetail: (reason: string, detail: string) => `${reason}: ${detail}`,

  pane: {
    /** The page title and the pane's heading. */
    title: 'Woonbegeleiding',
    subtitle: 'Dossiers agenderen voor het structureel overleg',
    noScript: 'Dit deelvenster heeft JavaScript nodig.',
    loading: 'Bezig met laden…',
    retry: 'Opnieuw proberen',
    signedInAs: (name: string, role: string) => `Aangemeld als ${name} (${role})`,
    outsideOutlook:
      'Geopend buiten Outlook: er is geen uitnodiging om te lezen. Je ziet het eerstvolgende overleg van je organisatie.',
    noPartner:
      'Open dit deelvenster vanuit een uitnodiging voor het structureel overleg: daarin staat voor welke organisatie en welke maand het is.',
  },

  signIn: {
    heading: 'Aanmelden (lokale demo)',
    hint: 'Lokale ontwikkelmodus: kies een demogebruiker. Deze aanmelding bestaat alleen op deze computer.',
    userLabel: 'Demogebruiker',
    choose: 'Kies een gebruiker',
    userOption: (name: string, role: string, partner?: string) => `${name}: ${role}${partner ? `, ${partner}` : ''}`,
    button: 'Aanmelden',
    switchUser: 'Andere gebruiker',
    /** Office single sign-on (Office.auth.getAccessToken) error codes. */
    office: {
      notSignedIn: 'Meld je aan in Outlook met je werkaccount en open het deelvenster opnieuw.',
      cancelled: 'Je hebt de aanmelding afgebroken. Kies "Opnieuw proberen" om je aan te melden.',
      unsupported: 'Deze versie van Outlook ondersteunt de aanmelding van dit deelvenster niet. Gebruik Outlook op het web of een recente Outlook.',
      noConsent: 'Je organisatie heeft de toestemming voor Woonbegeleiding nog niet gegeven. Vraag je beheerder om toestemming te geven.',
      other: 'Aanmelden bij Woonbegeleiding lukte niet. Probeer het later opnieuw.',
    },
    /** The sign-in dialog (Office.context.ui.displayDialogAsync), where Outlook has no other sign-in. */
    dialog: {
      title: 'Aanmelden bij Woonbegeleiding',
      busy: 'Bezig met aanmelden…',
      closed: 'Je hebt het aanmeldvenster gesloten. Kies "Opnieuw proberen" om je aan te melden.',
      blocked: 'Outlook kon het aanmeldvenster niet openen. Sta vensters van Woonbegeleiding toe en kies "Opnieuw proberen".',
      alreadyOpen: 'Er staat al een aanmeldvenster open. Meld je daar aan, of sluit het en kies "Opnieuw proberen".',
      failed: 'Aanmelden in het aanmeldvenster lukte niet. Kies "Opnieuw proberen".',
      outsideOutlook: 'Dit aanmeldvenster werkt alleen vanuit het deelvenster Woonbegeleiding in Outlook. Je mag het sluiten.',
      done: 'Je bent aangemeld. Dit venster sluit vanzelf.',
    },
  },

  consultation: {
    heading: (meetingDate: string) => `Structureel overleg van ${longDate(meetingDate)}`,
    fromInvitation: 'Het overleg uit deze uitnodiging.',
    nextOfPartner: 'Het eerstvolgende overleg van je organisatie.',
    otherInvitation: 'Deze uitnodiging is voor het overleg van een andere organisatie; dat kan je hier niet zien. Hieronder staat het eerstvolgende overleg van je eigen organisatie.',
    partner: (name: string) => `Met ${name}`,
    moved: (description: string) => `Datum ${description}.`,
    teams: 'Online, in Teams.',
    teamsLink: 'Deelnemen aan de vergadering in Teams',
    teamsLinkLater: 'Online, in Teams: de link staat in de uitnodiging.',
    inPerson: (address: string) => `Op kantoor: ${address}.`,
    deadline: (lastDay: string) => `Agenderen kan tot en met ${longDate(lastDay)}.`,
    takesPlace: 'Het overleg gaat door: er staan dossiers op de agenda.',
    takesPlaceToday: 'Het overleg is vandaag: er staan dossiers op de agenda.',
    tookPlace: (meetingDate: string) => `Het overleg vond plaats op ${longDate(meetingDate)}.`,
    notHeld: agendaMessages.consultationNotHeld,
    nothingYet: agendaMessages.nothingToDiscussYet,
    cancelled: agendaMessages.consultationCancelled,
    /** R15: after the deadline. */
    closed: (nextMeetingDate: string, nextLastDay: string) =>
      `De agenda van dit overleg is afgesloten. Het volgende overleg is op ${longDate(nextMeetingDate)}; daarvoor kan je agenderen tot en met ${longDate(nextLastDay)}.`,
    closedTitle: 'Agenda afgesloten',
    /** After the meeting day: no deadline any more, only the next consultation. */
    overTitle: 'Overleg voorbij',
    over: (nextMeetingDate: string, nextLastDay: string) =>
      `Het volgende overleg is op ${longDate(nextMeetingDate)}; daarvoor kan je agenderen tot en met ${longDate(nextLastDay)}.`,
  },

  dossiers: {
    heading: 'Lopende dossiers',
    none: 'Je organisatie heeft geen lopende dossiers.',
    rowLabel: (number: string, tenantName: string) => `${number}, ${tenantName}`,
    onAgenda: 'Staat op de agenda',
    flagged: (problem: string) => `Geagendeerd: ${problem}`,
    flaggedByLandlord: (problem: string) => `Geagendeerd door de verhuurder: ${problem}`,
    withdraw: 'Agendering intrekken',
    withdrawLabel: (number: string) => `Agendering van ${number} intrekken`,
    withdrawConfirm: agendaMessages.withdrawConfirm,
    withdrawYes: agendaMessages.withdrawYes,
    withdrawNo: 'Annuleren',
    problemLabel: (number: string) => `Probleem bij ${number}`,
    problemHint: 'Beschrijf kort het concrete probleem dat besproken moet worden.',
    counter: (length: number, max: number) => `${length}/${max} tekens`,
    problemMissing: agendaMessages.problemMissing,
    problemTooLong: agendaMessages.problemTooLong,
    selectHint: 'Vink de dossiers aan die je wil bespreken en beschrijf bij elk het probleem.',
    add: (count: number) => (count === 1 ? '1 dossier agenderen' : `${count} dossiers agenderen`),
    addNone: 'Dossiers agenderen',
    /** R15: the list is closed; ticking makes no sense any more. */
    closedHint: 'Agenderen kan niet meer voor dit overleg.',
  },

  results: {
    title: 'Resultaat',
    /** One line per dossier: its number and what happened (the server's Dutch message). */
    line: (number: string, text: string) => `${number}: ${text}`,
  },

  compose: {
    insert: 'Samenvatting invoegen in je antwoord',
    inserted: 'De samenvatting staat in je antwoord.',
    insertFailed: 'De samenvatting kon niet ingevoegd worden. Probeer het opnieuw.',
  },

  /** The short summary of the flags that the pane inserts into the reply (compose mode). */
  summary: {
    intro: (meetingDate: string) => `Te bespreken op het structureel overleg van ${longDate(meetingDate)}:`,
    line: (number: string, problem: string) => `${number}: ${problem}`,
    none: (meetingDate: string) => `Voor het structureel overleg van ${longDate(meetingDate)} staan nog geen dossiers op de agenda.`,
    /** R15: flags after the deadline are not possible; the summary says so. */
    closed: (nextMeetingDate: string) => `De agenda is afgesloten; het volgende overleg is op ${longDate(nextMeetingDate)}.`,
  },

  errors: {
    network: 'De server van Woonbegeleiding is niet bereikbaar. Controleer je verbinding en probeer opnieuw.',
    unexpected: 'Er ging iets onverwachts mis. Probeer het opnieuw.',
  },

  /** Problems of the add-in's API. */
  api: {
    paneUnavailable: 'Het deelvenster van Woonbegeleiding is tijdelijk niet beschikbaar. Probeer het later opnieuw.',
    unauthorized: 'Je bent niet aangemeld, of je aanmelding is verlopen. Meld je opnieuw aan.',
    noAccess: 'Je account heeft geen toegang tot Woonbegeleiding. Vraag de dienst Bewonerscontacten om je toegang te geven.',
    bodyMissing: 'Het verzoek moet een JSON-object bevatten.',
    tooLarge: (maxBytes: number) => `Het verzoek is te groot (hoogstens ${Math.round(maxBytes / 1024)} kB).`,
    unknownField: (name: string) => `Het veld "${name}" is onbekend.`,
    unknownFields: (names: readonly string[]) => `De velden ${names.map((n) => `"${n}"`).join(', ')} zijn onbekend.`,
    fieldMissing: (label: string) => `Vul ${label} in.`,
    wrongType: (label: string) => `${capitalise(label)} heeft een ongeldig type.`,
    tooLong: (label: string, max: number) => `${capitalise(label)} is te lang (hoogstens ${max} tekens).`,
    invalid: (label: string) => `${capitalise(label)} is ongeldig.`,
    fieldLabel: {
      partnerId: 'de organisatie',
      month: 'de maand van het overleg (JJJJ-MM)',
      dossierId: 'het dossier',
      problem: 'de omschrijving van het probleem',
      tenantId: 'de organisatie (tenant) van de gebruiker',
      objectId: 'de gebruiker',
      body: 'de inhoud van het verzoek',
      query: 'de zoekparameters',
    },
  },
} as const;

export type AddinMessages = typeof addinMessages;
