/**
 * Dutch texts of the Teams tab and dialogs "Dossiers" (bot/tab) and of their API routes
 * (shared/api/dossier-routes.ts): the dossier list, the dossier page with its timeline, and a
 * form for every step of a trajectory. Pure (no imports but other catalogue files): the page's bundle
 * includes it.
 */
import { agendaMessages } from './agenda';
import { calendarMessages } from './calendar';
import { trajectoryTimingMessages } from './milestones';
import { trajectoryMessages } from './trajectory';

const date = calendarMessages.formatDate;
const milestoneState = trajectoryTimingMessages.milestoneState;

export const tabMessages = {
  formatDate: date,
  /** "04/12/2026 om 16:20", Brussels time (the page runs in any time zone). */
  formatDateTime: (instant: string): string => {
    const parts = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('day')}/${part('month')}/${part('year')} om ${part('hour')}:${part('minute')}`;
  },
  title: 'Dossiers',
  noScript: 'Deze pagina heeft JavaScript nodig.',
  unavailable: 'De pagina Dossiers is tijdelijk niet beschikbaar. Probeer het later opnieuw.',
  loading: 'Bezig met laden…',
  retry: 'Opnieuw proberen',
  back: 'Terug naar de lijst',
  signedInAs: (name: string, role: string) => `Aangemeld als ${name} (${role})`,
  unexpected: 'Er ging iets mis. Probeer het opnieuw.',
  network: 'Woonbegeleiding is niet bereikbaar. Controleer je verbinding en probeer opnieuw.',
  teamsSignIn: 'Aanmelden via Teams lukte niet. Sluit dit venster en probeer het opnieuw.',
  noSignIn: 'Open deze pagina in Teams, of lokaal op deze computer met de ontwikkelaanmelding.',

  list: {
    heading: 'Dossiers',
    partner: 'Organisatie',
    allPartners: 'Alle organisaties',
    stage: 'Fase',
    allStages: 'Alle fasen',
    attention: 'Enkel wat aandacht vraagt',
    empty: 'Geen dossiers die aan deze filters voldoen.',
    newCandidacy: 'Nieuwe kandidatuur',
    absence: 'Afwezigheid melden',
    columns: { number: 'Nummer', tenant: 'Huurder', kind: 'Soort', status: 'Fase', partner: 'Begeleidend', plannedEnd: 'Gepland einde', attention: 'Aandacht' },
    open: (number: string) => `Dossier ${number} openen`,
  },

  /** Why a dossier needs attention (list filter and badges). */
  attention: {
    overdue: (what: string, due: string) => `${what}: te laat (sinds ${date(due)})`,
    openRequest: 'Openstaande informatievraag',
    onAgenda: (meetingDate: string) => `Op de agenda van ${date(meetingDate)}`,
    transferOpen: 'Overdracht wacht op antwoord',
  },

  dossier: {
    title: (number: string) => `Dossier ${number}`,
    heading: (number: string, tenant: string) => `${number}: ${tenant}`,
    facts: {
      kind: 'Soort',
      status: 'Fase',
      registering: 'Aanmeldende organisatie',
      supporting: 'Begeleidende organisatie',
      supportWorker: 'Woonbegeleider',
      address: 'Adres',
      leaseStart: 'Start huurovereenkomst',
      plannedEnd: 'Geplande einddatum',
      consent: 'Toestemming',
      contact: 'Algemeen contact van de begeleidende organisatie',
      documents: 'Documenten met de verplichtingen van de huurder',
    },
    /** R3: the documents that define the tenant's obligations. */
    documentName: {
      lease: 'Huurovereenkomst',
      toelichting: 'Toelichting bij de regelgevende bepalingen',
      rio: 'Reglement van Inwendige Orde',
      huisdierenbeleid: 'Huisdierenbeleid',
    },
    document: (name: string, version: string) => `${name}: ${version}`,
    noDocuments: 'geen versies ingevuld',
    consentGiven: (on: string, scope: string) => `gegeven op ${date(on)}: ${scope}`,
    consentWithdrawn: (on: string) => `ingetrokken op ${date(on)}`,
    noConsent: 'nog niet gegeven',
    contact: (phone: string, email: string, hours: string) => `${phone}, ${email} (${hours})`,
    dueNext: 'Wat volgt',
    overdue: 'Te laat',
    nothingDue: 'Niets gepland.',
    timeline: 'Tijdlijn',
    actions: 'Wat je kan doen',
    noActions: 'Je kan in dit dossier geen stappen zetten.',
    openRequests: 'Openstaande informatievragen',
    signals: 'Signalen',
    signalMeta: (at: string, partner: string) => `${at}, doorgegeven door ${partner}`,
    /** §3, R5: the tenant's one-page letter with the organisation's general contact details. */
    contactLetter: {
      heading: 'Contactbrief voor de huurder',
      explain: 'Eén blad voor de huurder met de algemene contactgegevens van de begeleidende organisatie (telefoon, e-mail, bereikbaarheid) en wat te doen in een noodgeval. Geef het bij de start van de begeleiding en telkens wanneer nodig.',
      download: 'Downloaden (PDF)',
      print: 'Afdrukken',
    },
    otherSignals: (count: number) => (count === 1 ? 'Er is nog 1 signaal van een andere organisatie.' : `Er zijn nog ${count} signalen van andere organisaties.`),
  },

  /** The timeline of a dossier: one line per event (dates formatted by the page). */
  timeline: {
    created: 'Kandidatuur aangemaakt',
    signed: (who: string) => `Bevestiging ondertekend door ${who}`,
    consentGiven: 'Toestemming tot informatie-uitwisseling gegeven',
    consentWithdrawn: 'Toestemming ingetrokken',
    leaseStart: 'Start huurovereenkomst',
    milestone: {
      'evaluation-1m': 'Evaluatie na 1 maand',
      'home-visit-3m': 'Huisbezoek na 3 maanden',
      'evaluation-4m': 'Evaluatie na 4 maanden',
      'evaluation-10m': 'Evaluatie na 10 maanden',
      'final-evaluation': 'Eindevaluatie aan huis',
    } as Record<string, string>,
    atConsultation: (meetingDate: string) => `op het structureel overleg van ${date(meetingDate)}`,
    visitKind: { 'home-visit-3m': 'Huisbezoek na 3 maanden', extra: 'Extra huisbezoek', 'final-evaluation': 'Eindevaluatie aan huis' } as Record<string, string>,
    visitPlanned: (kind: string) => `${kind} gepland`,
    visitHeld: (kind: string) => `${kind} afgelegd`,
    findings: (parts: readonly string[]) => (parts.length === 0 ? 'alles in orde' : `problemen: ${parts.join(', ')}`),
    seriousDefects: 'ernstige gebreken vastgesteld',
    workerAbsent: 'woonbegeleider niet aanwezig',
    notFinalEvaluation: 'telt niet als eindevaluatie: plan een nieuwe eindevaluatie met de woonbegeleider erbij',
    signal: (category: string) => `Signaal: ${category}`,
    signalBy: (partner: string) => `doorgegeven door ${partner}; de beschrijving staat onder Signalen`,
    safetySignal: agendaMessages.safetySignal,
    extension: (months: number) => `Verlengd met ${months} maanden`,
    transferRequested: 'Overdracht gevraagd',
    transferDecided: (status: 'accepted' | 'rejected' | 'cancelled') =>
      status === 'accepted' ? 'Overdracht aanvaard' : status === 'rejected' ? 'Overdracht geweigerd' : 'Vraag tot overdracht ingetrokken',
    refusalReason: (reason: string) => `Reden: ${reason}`,
    informationLapsed: 'Informatievraag vervallen: de toestemming werd ingetrokken',
    informationHandedOver: 'Informatievraag overgedragen aan de nieuwe begeleidende organisatie',
    informationRequested: 'Informatievraag gesteld',
    informationAnswered: 'Informatievraag beantwoord',
    contactHeld: 'Contact aan huis',
    contactPlanned: 'Gepland contact aan huis',
    decideExtension: 'Ernstige gebreken bij de eindevaluatie: de duur van de verlenging beslissen',
    discussDefects: 'De ernstige gebreken van het huisbezoek bespreken',
    recordedLater: (createdOn: string) => `later ingevoerd; het dossier bestaat sinds ${date(createdOn)}`,
    plannedEnd: 'Geplande einddatum begeleiding',
    closed: 'Traject positief afgerond',
    stopped: 'Traject stopgezet',
    // The milestones' own words (shared/messages/milestones.ts), so card, page and CLI say the same.
    state: { ...milestoneState, done: milestoneState.held } as Record<string, string>,
  },

  /** The forms of the steps (R1-R20); labels of the fields, buttons, confirmations. */
  forms: {
    submit: 'Opslaan',
    cancel: 'Annuleren',
    required: (label: string) => `Vul ${label} in.`,
    candidacy: { title: 'Nieuwe kandidatuur', done: (number: string) => `Kandidatuur ${number} aangemaakt.` },
    signatures: { title: 'Handtekeningen van de bevestiging registreren', done: 'De handtekeningen zijn geregistreerd.' },
    consent: { title: 'Toestemming tot informatie-uitwisseling registreren', done: 'De toestemming is geregistreerd.' },
    withdrawConsent: { title: 'Intrekking van de toestemming registreren', done: 'De intrekking van de toestemming is geregistreerd.' },
    activate: {
      title: trajectoryMessages.stepLabel.activate,
      // §3: the coordinator hears that the tenant's letter is ready, and where.
      done: 'Het traject is gestart. De contactbrief voor de huurder staat klaar: je vindt hem hieronder bij "Contactbrief voor de huurder", om te downloaden of af te drukken.',
    },
    visit: { title: 'Huisbezoek plannen of registreren', done: 'Het huisbezoek is geregistreerd.' },
    extend: { title: trajectoryMessages.stepLabel.extend, done: 'Het traject is verlengd.' },
    close: { title: trajectoryMessages.stepLabel['close-positively'], done: 'Het traject is positief afgerond.' },
    stop: { title: trajectoryMessages.stepLabel.stop, done: 'Het traject is stopgezet.' },
    transfer: { title: trajectoryMessages.stepLabel['request-transfer'], done: 'De overdracht is gevraagd.' },
    transferAccept: { title: 'Overdracht aanvaarden', done: 'De overdracht is aanvaard.' },
    transferReject: { title: 'Overdracht weigeren', done: 'De overdracht is geweigerd.' },
    transferCancel: { title: 'Vraag tot overdracht intrekken', done: 'De vraag tot overdracht is ingetrokken.' },
    informationRequest: { title: 'Informatie vragen over het traject', done: 'De vraag is verstuurd.' },
    informationAnswer: { title: 'Informatievraag beantwoorden', done: 'Het antwoord is verstuurd.' },
    contact: { title: 'Contact aan huis registreren', done: 'Het contact is geregistreerd.' },
    absence: { title: 'Langdurige afwezigheid melden', done: 'De afwezigheid is gemeld.' },
    unchanged: 'Dit was al geregistreerd: er is niets gewijzigd.',
    yes: 'Ja',
    no: 'Nee',
    ok: 'in orde',
    notOk: 'niet in orde',
    notVisited: 'niet bekeken',
    kindOptions: { VT: 'Versnelde toewijzing (VT)', other: 'Andere woonbegeleiding' } as Record<string, string>,
    visitKindOptions: { 'home-visit-3m': 'Huisbezoek na 3 maanden', extra: 'Extra huisbezoek', 'final-evaluation': 'Eindevaluatie aan huis' } as Record<string, string>,
    homePart: agendaMessages.homePart as Record<string, string>,
  },

  /** R6: the open transfer requests addressed to the member's organisation (the landlord: all of them). */
  transfers: {
    heading: 'Overdrachten voor jouw organisatie',
    headingLandlord: 'Openstaande overdrachten',
    intro: 'Een andere organisatie vraagt jouw organisatie om deze trajecten over te nemen. Je ziet alleen wat nodig is om te beslissen; na het aanvaarden zie je het hele dossier.',
    columns: { number: 'Dossier', kind: 'Soort', from: 'Van', to: 'Naar', requestedOn: 'Gevraagd op', reason: 'Reden', plannedEnd: 'Gepland einde' },
    accept: 'Aanvaarden',
    refuse: 'Weigeren',
    acceptConfirm: (number: string) => `Dossier ${number} overnemen? Jouw organisatie begeleidt het traject dan verder en ziet het hele dossier.`,
    acceptYes: 'Ja, overnemen',
    refuseConfirm: (number: string) => `De overdracht van ${number} weigeren? De andere organisatie en de verhuurder zien dat je weigerde.`,
    refuseYes: 'Ja, weigeren',
    acceptLabel: (number: string) => `Overdracht van ${number} aanvaarden`,
    refuseLabel: (number: string) => `Overdracht van ${number} weigeren`,
    refusalReasonLabel: (number: string) => `Reden van de weigering van ${number}`,
    refusalReasonPlaceholder: 'Reden bij weigeren (de vragende organisatie leest ze)',
  },

  /** The coordinator's management of partner organisations (R5, the tenant allowlist) and users. */
  admin: {
    heading: 'Organisaties en gebruikers',
    partners: 'Partnerorganisaties',
    users: 'Gebruikers',
    newPartner: 'Nieuwe organisatie',
    newUser: 'Nieuwe gebruiker',
    edit: 'Wijzigen',
    remove: 'Verwijderen',
    editLabel: (name: string) => `${name} wijzigen`,
    removeLabel: (name: string) => `${name} verwijderen`,
    partnerTitle: 'Partnerorganisatie',
    userTitle: 'Gebruiker',
    columns: { id: 'Sleutel', name: 'Naam', contact: 'Algemeen contact', tenant: 'Microsoft 365-tenant', role: 'Rol', partner: 'Organisatie', email: 'E-mail' },
    noTenant: 'geen',
    meetingModeOptions: { teams: 'Teams-vergadering', 'in-person': 'Ter plaatse' } as Record<string, string>,
    partnerCreated: (name: string) => `Organisatie ${name} toegevoegd.`,
    partnerUpdated: (name: string) => `Organisatie ${name} gewijzigd.`,
    userCreated: (name: string) => `Gebruiker ${name} toegevoegd.`,
    userUpdated: (name: string) => `Gebruiker ${name} gewijzigd.`,
    userRemoved: 'De gebruiker is verwijderd: hij of zij heeft geen toegang meer.',
  },

  /**
   * How a form on the page asks for a field, where the API's name (fieldLabel, below) does not read as
   * a label: a question for yes/no, a plain noun otherwise. Any other field shows its fieldLabel.
   */
  formLabel: {
    'documents.lease': 'Versie van de huurovereenkomst',
    'documents.toelichting': 'Versie van de toelichting bij de regelgevende bepalingen',
    'documents.rio': 'Versie van het Reglement van Inwendige Orde (RIO)',
    'documents.huisdierenbeleid': 'Versie van het huisdierenbeleid',
    supportWorkerPresent: 'Was de woonbegeleider aanwezig?',
    seriousDefects: 'Ernstige gebreken vastgesteld',
    held: 'Is het contact doorgegaan?',
    reasonMissed: 'Waarom is het contact niet doorgegaan?',
    findingOf: (part: string) => `Vaststelling: ${part}`,
    findingNote: (part: string) => `Opmerking bij ${part}`,
  } as const,
  /** Shown after the label of a field that must be filled in. */
  requiredMark: '(verplicht)',
  /** More than one field is missing or wrong: the form says so once, each field says what. */
  fieldsToFix: (count: number) => (count === 1 ? 'Eén veld is nog niet in orde.' : `${count} velden zijn nog niet in orde.`),

  /** Labels of every field the forms and the API name (the API's Dutch validation messages use them). */
  fieldLabel: {
    kind: 'het soort traject',
    tenant: 'de huurder',
    'tenant.name': 'de naam van de huurder',
    'tenant.address': 'het adres van de huurder',
    registeringPartnerId: 'de aanmeldende organisatie',
    supportingPartnerId: 'de begeleidende organisatie',
    supportWorker: 'de woonbegeleider',
    'supportWorker.name': 'de naam van de woonbegeleider',
    'supportWorker.email': 'het e-mailadres van de woonbegeleider',
    signatures: 'de handtekeningen',
    'signatures.supportWorker': 'de datum van de handtekening van de woonbegeleider',
    'signatures.tenant': 'de datum van de handtekening van de kandidaat-huurder',
    'signatures.landlord': 'de datum van de handtekening van de verhuurder',
    givenOn: 'de datum van de toestemming',
    scope: 'de reikwijdte van de toestemming',
    withdrawnOn: 'de datum van intrekking',
    leaseStart: 'de startdatum van de huurovereenkomst',
    visitId: 'het geplande huisbezoek',
    visitKind: 'het soort huisbezoek',
    findingNote: 'opmerking',
    plannedOn: 'de geplande datum',
    heldOn: 'de datum van het bezoek',
    supportWorkerPresent: 'of de woonbegeleider aanwezig was',
    findings: 'de vaststellingen',
    seriousDefects: 'of er ernstige gebreken zijn',
    months: 'het aantal maanden',
    decidedOn: 'de datum van de beslissing',
    date: 'de datum',
    reason: 'de reden',
    // The conclusions noted in the meeting (side panel) and the overview's months.
    summary: 'wat besproken en afgesproken werd',
    decision: 'de beslissing',
    'decision.kind': 'de beslissing',
    'decision.months': 'het aantal maanden van de verlenging',
    'decision.reason': 'de reden van de stopzetting',
    fromMonth: 'de eerste maand (JJJJ-MM)',
    toMonth: 'de laatste maand (JJJJ-MM)',
    toPartnerId: 'de organisatie die het traject overneemt',
    newSupportWorker: 'de nieuwe woonbegeleider',
    question: 'de vraag',
    requestId: 'de informatievraag',
    answer: 'het antwoord',
    held: 'of het contact plaatsvond',
    reasonMissed: 'de reden waarom het contact niet plaatsvond',
    entryId: 'de sleutel van het contact',
    workerName: 'de naam van de afwezige woonbegeleider',
    from: 'de eerste dag van de afwezigheid',
    expectedUntil: 'de verwachte einddatum',
    replacementContact: 'de vervanger of het contact',
    dossierIds: 'de dossiers',
    stage: 'de fase',
    attention: 'de filter "aandacht"',
    id: 'de sleutel van de organisatie',
    name: 'de naam van de organisatie',
    contact: 'de algemene contactgegevens',
    'contact.phone': 'het algemene telefoonnummer',
    'contact.email': 'het algemene e-mailadres',
    'contact.officeHours': 'de bereikbaarheid',
    m365TenantId: 'de Microsoft 365-tenant van de organisatie',
    meetingMode: 'de vorm van het overleg',
    tenantId: 'de Microsoft 365-tenant van de gebruiker',
    objectId: 'de object-id van de gebruiker (Entra)',
    displayName: 'de naam van de gebruiker',
    email: 'het e-mailadres van de gebruiker',
    role: 'de rol',
    partnerId: 'de organisatie',
  } as Record<string, string>,

  /** The kinds of visit in the visit form (R17-R19). */
  stageLabel: trajectoryMessages.statusLabel as Record<string, string>,
} as const;

export type TabMessages = typeof tabMessages;
