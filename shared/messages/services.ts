/** Dutch texts of the use cases (shared/services): input checks and refusals that no rule module owns. */
import { calendarMessages } from './calendar';

const date = calendarMessages.formatDate;

export const serviceMessages = {
  /** Labels of input fields, used inside the sentences below. */
  fieldLabel: {
    dossierId: 'het dossier',
    partnerId: 'de organisatie',
    registeringPartnerId: 'de aanmeldende organisatie',
    supportingPartnerId: 'de begeleidende organisatie',
    month: 'de maand van het overleg (JJJJ-MM)',
    fromMonth: 'de eerste maand (JJJJ-MM)',
    toMonth: 'de laatste maand (JJJJ-MM)',
    tenantId: 'de organisatie (tenant) van de gebruiker',
    objectId: 'de gebruiker',
    date: 'de datum',
    signatures: 'de handtekeningen',
    givenOn: 'de datum van de toestemming',
    withdrawnOn: 'de datum van intrekking',
    leaseStart: 'de startdatum van de huurovereenkomst',
    months: 'het aantal maanden',
    reason: 'de reden',
    toPartnerId: 'de organisatie die het traject overneemt',
    category: 'het soort signaal',
    description: 'de omschrijving van het signaal',
    signalId: 'de sleutel van het signaal',
    question: 'de vraag',
    answer: 'het antwoord',
    requestId: 'de informatievraag',
    entryId: 'de sleutel van het contact',
    held: 'of het contact plaatsvond',
    reasonMissed: 'de reden waarom het contact niet plaatsvond',
    visitId: 'het huisbezoek',
    visitKind: 'het soort huisbezoek',
    plannedOn: 'de geplande datum',
    heldOn: 'de datum van het bezoek',
    supportWorkerPresent: 'of de woonbegeleider aanwezig was',
    findings: 'de vaststellingen',
    findingPart: 'het deel van de woning',
    findingOk: 'of dat deel van de woning in orde is',
    findingNote: 'de opmerking bij een vaststelling',
    seriousDefects: 'of er ernstige gebreken zijn',
    conclusions: 'de conclusies',
    summary: 'de samenvatting van de conclusie',
    decision: 'de beslissing',
    remark: 'de opmerking',
    source: 'het kanaal',
    workerName: 'de naam van de afwezige woonbegeleider',
    from: 'de eerste dag van de afwezigheid',
    expectedUntil: 'de verwachte einddatum van de afwezigheid',
    replacementContact: 'de vervanging of het contact tijdens de afwezigheid',
    absenceId: 'de sleutel van de afwezigheid',
    dossierIds: 'de betrokken dossiers',
    newSupportWorker: 'de nieuwe woonbegeleider',
    // Partner organisations and users (coordinator)
    id: 'de sleutel van de organisatie',
    name: 'de naam van de organisatie',
    contact: 'de algemene contactgegevens',
    'contact.phone': 'het algemene telefoonnummer',
    'contact.email': 'het algemene e-mailadres',
    'contact.officeHours': 'de bereikbaarheid',
    m365TenantId: 'de Microsoft 365-tenant van de organisatie',
    meetingMode: 'de vorm van het overleg',
    displayName: 'de naam van de gebruiker',
    email: 'het e-mailadres van de gebruiker',
    role: 'de rol',
  },
  fieldMissing: (label: string) => `Vul ${label} in.`,
  fieldTooLong: (label: string, max: number) => `${capitalise(label)} is te lang (hoogstens ${max} tekens).`,
  fieldInvalid: (label: string) => `${capitalise(label)} is ongeldig.`,
  dateInvalid: (label: string) => `${capitalise(label)} is geen geldige datum (JJJJ-MM-DD).`,
  dateInFuture: (label: string, today: string) => `${capitalise(label)} kan niet na vandaag (${date(today)}) liggen.`,
  dateBefore: (label: string, other: string, otherDate: string) => `${capitalise(label)} kan niet vóór ${other} (${date(otherDate)}) liggen.`,
  tooMany: (label: string, max: number) => `Te veel items in ${label} (hoogstens ${max}).`,
  duplicate: (label: string) => `${capitalise(label)} bevat dubbele items.`,

  inputMissing: 'De aanvraag is onvolledig.',
  guidInvalid: (label: string) => `${capitalise(label)} is geen geldige id (een GUID zoals 00000000-0000-0000-0000-000000000000).`,
  emailInvalid: (label: string) => `${capitalise(label)} is geen geldig e-mailadres.`,
  phoneInvalid: (label: string) => `${capitalise(label)} is geen geldig telefoonnummer.`,
  slugInvalid: (label: string) => `${capitalise(label)} mag alleen kleine letters, cijfers en koppeltekens bevatten (hoogstens 50 tekens).`,

  // Partner organisations and users (coordinator)
  partnerIdTaken: 'Er bestaat al een organisatie met deze sleutel.',
  userExists: 'Deze gebruiker bestaat al. Pas de bestaande gebruiker aan.',
  userNotFound: 'Deze gebruiker werd niet gevonden.',
  partnerOnlyForMembers: 'Alleen een medewerker van een partnerorganisatie hoort bij een organisatie.',
  partnerRequiredForMember: 'Kies de organisatie waartoe deze medewerker behoort.',
  notYourself: 'Je kan je eigen rol niet wijzigen en jezelf niet verwijderen. Vraag het aan een andere coördinator.',
  transferListNotAllowed: 'Je hebt geen toestemming om overdrachten te bekijken.',

  // Dossier numbers
  numberUnavailable: 'Er kon geen dossiernummer toegekend worden. Probeer het opnieuw.',
  unknownPartner: (label: string) => `${capitalise(label)} is geen gekende organisatie.`,

  // Signatures
  noSignatures: 'Geef minstens één handtekening op (woonbegeleider, kandidaat-huurder of verhuurder) met haar datum.',

  // R4 contact log
  contactLogInactive:
    'Voor dit dossier worden geen huiscontacten bijgehouden. Dat gebeurt pas wanneer het structureel overleg dat beslist.',
  contactInFuture: (today: string) => `Een contact kan pas geregistreerd worden als het voorbij is (vandaag is ${date(today)}).`,
  contactBeforeLease: (leaseStart: string) => `Een huiscontact kan niet vóór de start van de huurovereenkomst (${date(leaseStart)}) liggen.`,
  reasonMissedRequired: 'Geef de reden op waarom het geplande contact niet plaatsvond.',
  reasonMissedOnlyWhenMissed: 'Een reden hoort alleen bij een contact dat niet plaatsvond.',
  contactIdTaken: 'Er bestaat al een ander contact met deze sleutel.',

  // R17-R19 visits
  visitWithoutLease: 'Een huisbezoek hoort bij een lopende huur: de huurovereenkomst van dit traject is nog niet gestart.',
  visitNeedsDate: 'Geef de geplande datum of de datum van het bezoek op.',
  findingsOnlyWhenHeld: 'Vaststellingen en ernstige gebreken kunnen pas geregistreerd worden voor een bezoek dat plaatsvond.',
  visitKindChanged: 'Het soort van een geregistreerd huisbezoek kan niet gewijzigd worden.',
  visitAlreadyHeld: (heldOn: string) => `Dit huisbezoek werd al geregistreerd als gehouden op ${date(heldOn)}.`,

  // R10 information
  requestNotFound: 'Deze informatievraag werd niet gevonden.',
  requestAlreadyAnswered: (at: string) => `Deze informatievraag werd al beantwoord (${date(at.slice(0, 10))}).`,
  requestLapsed: (on: string) =>
    `Deze informatievraag is vervallen op ${date(on)}: de huurder heeft de toestemming om informatie te delen ingetrokken. Ze kan niet meer beantwoord worden.`,
  answerOnlyByAskedPartner: 'Alleen de organisatie aan wie de vraag gesteld werd, of die het traject nu begeleidt, kan ze beantwoorden.',
  requestIdTaken: 'Er bestaat al een andere informatievraag met deze sleutel.',
  signalIdTaken: 'Er bestaat al een ander signaal met deze sleutel.',

  // R15 flags
  partnerRequired: 'Kies voor het overleg van welke organisatie het dossier geagendeerd wordt.',

  // R16 conclusions
  conclusionsEmpty: 'Geef voor minstens één besproken dossier de conclusie op.',
  conclusionsBeforeMeeting: (meetingDate: string) =>
    `De conclusies kunnen pas na het overleg geregistreerd worden (het overleg is op ${date(meetingDate)}).`,
  conclusionsAlreadySent: 'De conclusies van dit overleg werden al verstuurd. Ze kunnen niet meer gewijzigd worden.',
  reportToBeforeFrom: 'De laatste maand van het overzicht ligt voor de eerste.',
  reportTooLong: (months: number) => `Een overzicht beslaat hoogstens ${months} maanden.`,
  meetingNotesChanged: 'Iemand anders noteerde intussen een conclusie. Bekijk de lijst opnieuw en sluit ze dan af.',
  conclusionsDossierNotOfPartner: 'Een van de dossiers hoort niet bij deze organisatie.',
  noConclusionsToConfirm: 'Voor dit overleg zijn er (nog) geen conclusies om te bevestigen.',
  alreadyConfirmed: (at: string) => `De conclusies van dit overleg werden al bevestigd (${date(at.slice(0, 10))}).`,
  contactLogOnClosed: 'Dit traject is afgesloten: er worden geen huiscontacten meer bijgehouden.',
  decisionKindInvalid: 'Kies per besproken dossier een beslissing: geen, verlengen, contacten bijhouden, extra huisbezoek, positief afronden of stopzetten.',

  // R5 absence
  absenceIdTaken: 'Er bestaat al een andere afwezigheidsmelding met deze sleutel.',

  // Access without a rule action
  listNotAllowed: 'Je hebt geen toestemming om dossiers te bekijken.',
  agendaNotAllowed: 'Je hebt geen toestemming om deze agenda te bekijken.',
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
