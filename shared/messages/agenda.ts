/** Dutch texts of the monthly consultation's agenda and of flagging dossiers for it (R4, R13-R15, R17-R20). */
import { calendarMessages } from './calendar';
import { freeTextMessages } from './free-text';

const date = calendarMessages.formatDate;

export const agendaMessages = {
  // The agenda (R13): titles of its parts, for renderers (cards, e-mail).
  section: {
    overview: 'Overzicht van de lopende dossiers',
    toDiscuss: 'Te bespreken dossiers',
    otherTrajectories: 'Andere woonbegeleidingen, niet gekoppeld aan een versnelde toewijzing',
    evaluatedWithoutDiscussion: 'Geëvalueerd zonder bespreking',
  },
  candidacy: 'kandidatuur',
  plannedEnd: (end: string) => `gepland einde ${date(end)}`,
  /** Why a dossier is on the "to discuss" list (R14). */
  reason: {
    signal: 'Signaal',
    flag: 'Geagendeerd',
    extension: 'In verlenging: wordt elke maand besproken',
    'visit-problems': 'Huisbezoek met vaststellingen',
    'decision-pending': 'Ernstige gebreken bij de eindevaluatie: de duur van de verlenging moet bepaald worden',
  },
  signalCategory: {
    'insufficient-cooperation': 'onvoldoende medewerking',
    'insufficient-results': 'onvoldoende resultaten',
    aggression: 'agressie',
    liveability: 'leefbaarheid in het gedrang',
    'damage-risk': 'risico op schade aan de woning',
    safety: 'veiligheid',
    other: 'ander signaal',
  },
  safetySignal: 'Veiligheid in het gedrang',
  flaggedBy: { landlord: 'geagendeerd door de verhuurder', partner: 'geagendeerd door de partner' },
  homePart: { house: 'woning', garden: 'tuin', terrace: 'terras', garage: 'garage' },
  seriousDefects: 'ernstige gebreken',
  /** R4: counts since the previous consultation. */
  contactCounts: (held: number, missed: number) =>
    `Sinds het vorige overleg: ${held} ${held === 1 ? 'contact' : 'contacten'} aan huis, ${missed} gepland maar niet doorgegaan.`,
  /** R14 [product]: a 10-month evaluation without difficulties. */
  endsPositively: 'Geen moeilijkheden: het traject kan positief afgerond worden.',
  nothingToDiscussYet: (meetingDate: string) =>
    `Voorlopig staat er niets op de agenda van het structureel overleg van ${date(meetingDate)}. Je kan tot de dag vóór het overleg nog een dossier agenderen.`,
  /** R15: the meeting day is over and it did not take place: nothing to discuss. */
  consultationNotHeld: (meetingDate: string) =>
    `Het structureel overleg van ${date(meetingDate)} ging niet door: er waren geen dossiers te bespreken.`,
  /** R15: the deadline passed with nothing to discuss. */
  consultationCancelled: (meetingDate: string) =>
    `Het structureel overleg van ${date(meetingDate)} gaat niet door: er zijn geen dossiers te bespreken.`,

  // Flagging a dossier (R15, R13b)
  flagCreated: (meetingDate: string) => `Het dossier staat op de agenda van het structureel overleg van ${date(meetingDate)}.`,
  alreadyFlagged: (meetingDate: string) =>
    `Dit dossier staat al op de agenda van het structureel overleg van ${date(meetingDate)}. Wil je de omschrijving van het probleem aanpassen, trek de agendering dan in en agendeer het opnieuw.`,
  /** R15: the question before a flag is withdrawn, in Teams and in Outlook alike. */
  withdrawConfirm: (number: string) => `Dossier ${number} van de agenda halen? Het probleem wordt dan niet besproken op dit overleg.`,
  withdrawYes: 'Ja, van de agenda halen',
  flagWithdrawn: (meetingDate: string) =>
    `Het dossier staat niet meer op de agenda van het structureel overleg van ${date(meetingDate)}.`,
  problemMissing: 'Beschrijf kort het concrete probleem dat besproken moet worden.',
  problemTooLong: (max: number) => `De omschrijving van het probleem is te lang (hoogstens ${max} tekens).`,
  problemInvalid: freeTextMessages.forbiddenCharacter('de omschrijving van het probleem'),
  dossierClosed: (status: string) => `Dit traject is afgesloten (${status}) en kan niet meer geagendeerd worden.`,
  /** R15: after 00:00 on the meeting day. */
  flagDeadlinePassed: (meetingDate: string, lastDay: string, nextMeetingDate: string) =>
    `Agenderen voor het structureel overleg van ${date(meetingDate)} kon tot en met ${date(lastDay)}. Je kan het dossier agenderen voor het volgende overleg, op ${date(nextMeetingDate)}.`,
  /** R15: a meeting day that is over (a held meeting, or one that did not take place). */
  flagMeetingOver: (meetingDate: string, nextMeetingDate: string) =>
    `Het structureel overleg van ${date(meetingDate)} is voorbij: daarvoor kan je niet meer agenderen. Je kan het dossier agenderen voor het volgende overleg, op ${date(nextMeetingDate)}.`,
  withdrawMeetingOver: (meetingDate: string) =>
    `Het structureel overleg van ${date(meetingDate)} is voorbij: de agendering kan niet meer ingetrokken worden.`,
  flagMonthTooFarAhead: (latestMeetingDate: string) =>
    `Zo ver vooruit kan je niet agenderen: het laatste overleg waarvoor dat nu kan, is dat van ${date(latestMeetingDate)}.`,
  withdrawDeadlinePassed: (meetingDate: string) =>
    `De agenda van het structureel overleg van ${date(meetingDate)} is afgesloten: de agendering kan niet meer ingetrokken worden. Laat op het overleg weten dat het probleem opgelost is.`,
  noFlagToWithdraw: (meetingDate: string) =>
    `Dit dossier is niet geagendeerd voor het structureel overleg van ${date(meetingDate)}.`,
  /** R7, R9: no consent in force. */
  flagRefusedWithoutConsent: (byLandlord: boolean) =>
    'Dit dossier kan niet geagendeerd worden: er is geen geldige toestemmingsverklaring van de huurder om informatie te delen. ' +
    (byLandlord
      ? 'Gaat het om de veiligheid van iemand in het traject? Dan meldt de begeleidende dienst het meteen als veiligheidssignaal: dat wordt altijd doorgegeven, ook zonder toestemming.'
      : 'Gaat het om de veiligheid van iemand in het traject? Meld het dan meteen als veiligheidssignaal: dat wordt altijd doorgegeven, ook zonder toestemming.'),
  landlordFlagNotWithdrawable: 'De verhuurder heeft dit dossier geagendeerd: alleen de verhuurder kan dat intrekken.',
  invalidInstant: 'Ongeldig tijdstip: gebruik ISO 8601 met tijdzone, bijvoorbeeld 2025-12-23T14:30:00+01:00.',
} as const;
