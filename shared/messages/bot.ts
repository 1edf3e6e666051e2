/** Dutch texts of the Teams bot: chat answers, commands and Adaptive Cards (R4, R5, R7-R9, R13-R16, R18-R20). */
import { agendaMessages } from './agenda';
import { calendarMessages } from './calendar';

const date = calendarMessages.formatDate;

export const botMessages = {
  // Who may use the bot
  unknownUser:
    'Ik ken je nog niet, dus ik kan je geen gegevens tonen. Deze bot is er voor de medewerkers van de verhuurder en van de begeleidende organisaties die met haar samenwerken. Vraag de coördinator bewonerscontacten van de verhuurder om je toegang te geven, met je naam, je e-mailadres en je organisatie.',
  tooManyActions: (seconds: number) =>
    `Je stuurde te veel berichten of klikken kort na elkaar. Wacht ${seconds === 1 ? '1 seconde' : `${seconds} seconden`} en probeer het dan opnieuw; er is niets gewijzigd.`,
  unexpected: 'Er liep iets mis. Probeer het straks opnieuw. Blijft het misgaan, laat het dan weten aan de coördinator bewonerscontacten.',
  alreadyHandled: 'Deze actie werd al verwerkt.',

  // Commands
  unknownCommand: (typed: string) => `Ik begrijp "${typed}" niet. Typ help voor wat ik kan doen.`,
  didYouMean: (typed: string, suggestion: string) => `Ik begrijp "${typed}" niet. Bedoelde je "${suggestion}"? Typ help voor alle commando's.`,
  emptyCommand: 'Typ help voor wat ik kan doen.',
  command: {
    help: { usage: 'help', description: 'Wat de bot voor je kan doen.' },
    dossiers: { usage: 'mijn dossiers', description: 'De lopende dossiers die je mag zien.' },
    dossier: { usage: 'dossier <nummer>', description: 'Eén dossier met de tijdlijn van zijn mijlpalen en de contactgegevens van de begeleidende organisatie.' },
    agenda: { usage: 'agenda [maand]', description: 'De agenda van het structureel overleg, bijvoorbeeld: agenda of agenda 2025-12.' },
    agendaLandlord: { usage: 'agenda <organisatie> [maand]', description: 'In een persoonlijke chat: de agenda van het overleg met een organisatie, bijvoorbeeld: agenda de vaart 2025-11.' },
    conclusions: { usage: 'conclusies [maand]', description: 'De conclusies van het laatste overleg, om te bevestigen.' },
    signal: { usage: 'signaal', description: 'Een signaal over een dossier doorgeven aan de verhuurder.' },
    absence: { usage: 'afwezigheid', description: 'De langdurige afwezigheid van een woonbegeleider melden.' },
    contact: { usage: 'contact', description: 'De algemene contactgegevens van de begeleidende organisatie.' },
    link: { usage: 'koppel <organisatie>', description: 'Dit gesprek koppelen aan een begeleidende organisatie: de agenda en de conclusies komen dan hier.' },
    unlink: { usage: 'ontkoppel', description: 'De koppeling van dit gesprek opheffen.' },
    alertChannel: { usage: 'alarmkanaal', description: 'Van dit gesprek het kanaal maken waar signalen en veiligheidsmeldingen binnenkomen.' },
  },

  // Help card
  help: {
    title: 'Woonbegeleiding: wat kan ik voor je doen?',
    intro: (name: string, role: string) => `Dag ${name}, je bent aangemeld als ${role}.`,
    sharedChat: 'In een gedeeld gesprek toon ik alleen gegevens van de organisatie waaraan het gesprek gekoppeld is, en nooit namen of adressen van huurders.',
    linkedTo: (partner: string) => `Dit gesprek is gekoppeld aan ${partner}.`,
    alertChannel: 'Dit gesprek is het alarmkanaal van de verhuurder: signalen en veiligheidsmeldingen komen hier binnen.',
    notLinked: 'Dit gesprek is nog niet gekoppeld aan een organisatie.',
    mention: 'Noem de bot (@) in een groepsgesprek of kanaal, gevolgd door het commando.',
  },

  /** The dossier pages (bot/tab), opened from the cards as a Teams dialog. */
  pages: {
    openList: 'Dossiers openen',
    openDossier: 'Dossier openen',
    listTitle: 'Dossiers',
    dossierTitle: (number: string) => `Dossier ${number}`,
  },

  // Conversations (link, alert channel)
  notLinked:
    'Dit gesprek is nog niet gekoppeld aan een begeleidende organisatie. De coördinator bewonerscontacten kan dat doen met: koppel <organisatie>.',
  sharedChatNeedsLink:
    'In een gedeeld gesprek toon ik alleen gegevens van de organisatie waaraan het gesprek gekoppeld is. Dit gesprek is nog niet gekoppeld. Gebruik de persoonlijke chat met de bot, of vraag de coördinator het gesprek te koppelen.',
  cardOfOtherPartner:
    'Deze kaart hoort bij een andere organisatie dan die van dit gesprek: hier kan ze niets tonen of wijzigen. Gebruik de persoonlijke chat met de bot.',
  alertChannelNoData: 'Dit is het alarmkanaal van de verhuurder: hier toon ik geen dossiers. Gebruik de persoonlijke chat met de bot.',
  linkWhich: (partners: string) => `Welke organisatie? Bijvoorbeeld: koppel ${partners}.`,
  linkUnknownPartner: (typed: string, partners: string) => `Ik ken geen organisatie "${typed}". Kies uit: ${partners}.`,
  unknownPartnerOrMonth: (typed: string, partners: string) =>
    `Ik begrijp "${typed}" niet: dat is geen organisatie die ik ken, en ook geen maand.${partners ? ` Organisaties: ${partners}.` : ''} Een maand schrijf je als november, november 2025 of 2025-11.`,
  linkAmbiguous: (partners: string) => `Dat past bij meer dan één organisatie: ${partners}. Typ de naam iets vollediger.`,
  linkNotInPersonalChat: 'Een persoonlijke chat kan niet gekoppeld worden. Koppel de chat van het overleg, een groepsgesprek of een kanaal.',
  linked: (partner: string) =>
    `Dit gesprek is nu gekoppeld aan ${partner}. De agenda van het structureel overleg en de conclusies komen voortaan hier.`,
  alreadyLinked: (partner: string) => `Dit gesprek is al gekoppeld aan ${partner}.`,
  unlinked: 'De koppeling van dit gesprek is opgeheven. Ik toon hier geen dossiergegevens meer.',
  notLinkedNothingToUnlink: 'Dit gesprek is niet gekoppeld.',
  alertChannelSet: 'Dit gesprek is nu het alarmkanaal: signalen en veiligheidsmeldingen van de begeleidende organisaties komen hier meteen binnen.',
  alertChannelAlready: 'Dit gesprek is al het alarmkanaal.',
  alertChannelIsLinked: 'Dit gesprek is gekoppeld aan een begeleidende organisatie en kan daarom geen alarmkanaal van de verhuurder zijn. Hef eerst de koppeling op met: ontkoppel.',
  linkIsAlertChannel: 'Dit gesprek is het alarmkanaal van de verhuurder en kan niet aan een organisatie gekoppeld worden.',
  coordinatorOnly: 'Alleen de coördinator bewonerscontacten kan dat.',
  partnerMemberOnly: 'Dat kan alleen een medewerker van een begeleidende organisatie.',
  welcomePersonal: 'Welkom! Ik ben de bot van het samenwerkingsprotocol woonbegeleiding. Typ help om te zien wat ik voor je kan doen.',
  welcomeShared:
    'Dag allemaal. Ik ben de bot van het samenwerkingsprotocol woonbegeleiding. De coördinator bewonerscontacten kan dit gesprek koppelen aan een begeleidende organisatie met: koppel <organisatie>.',

  // Dossiers
  dossiers: {
    title: 'Lopende dossiers',
    titleOfPartner: (partner: string) => `Lopende dossiers van ${partner}`,
    none: 'Er zijn geen lopende dossiers.',
    more: (count: number) => `En nog ${count} dossiers. Vraag een dossier op met: dossier <nummer>.`,
    transferOpen: 'overdracht gevraagd',
    plannedEnd: (end: string) => `einde ${date(end)}`,
    columns: { number: 'Dossier', tenant: 'Huurder', status: 'Stand' },
  },
  dossierWhich: 'Welk dossier? Bijvoorbeeld: dossier VT-2025-014.',
  agendaWhich: (partners: string) => `Van welke organisatie? Bijvoorbeeld: agenda ${partners}, eventueel gevolgd door de maand (2025-11).`,
  dossier: {
    title: (number: string) => `Dossier ${number}`,
    kind: 'Soort',
    status: 'Stand',
    tenant: 'Huurder',
    address: 'Adres',
    supportWorker: 'Woonbegeleider',
    leaseStart: 'Start huurovereenkomst',
    plannedEnd: 'Gepland einde begeleiding',
    consent: 'Toestemmingsverklaring',
    consentGiven: (on: string) => `gegeven op ${date(on)}`,
    consentWithdrawn: (on: string) => `ingetrokken op ${date(on)}`,
    consentNone: 'geen',
    timeline: 'Tijdlijn',
    noTimeline: 'De huurovereenkomst is nog niet gestart: er zijn nog geen mijlpalen.',
    milestone: (label: string, due: string, consultation: string | null) =>
      consultation ? `${label}: ${due}, op het overleg van ${consultation}` : `${label}: ${due}`,
    nextState: (state: string) => `volgende, ${state}`,
    signals: 'Signalen',
    signalBy: (at: string, partner: string) => `doorgegeven op ${at} door ${partner}`,
    signalsPersonal: 'Wat er precies gebeurde, lees je in de persoonlijke chat met de bot of in het dossier (Dossier openen).',
    otherSignals: (count: number) => (count === 1 ? 'Er is nog 1 signaal van een andere organisatie.' : `Er zijn nog ${count} signalen van andere organisaties.`),
    contactTitle: (partner: string) => `Contact bij afwezigheid van de woonbegeleider: ${partner}`,
    nextSteps: 'Wat je nu kan doen',
  },

  // Contact details (R5)
  contact: {
    title: (partner: string) => `Contactgegevens van ${partner}`,
    intro: 'Algemene contactgegevens voor de huurder wanneer de woonbegeleider afwezig is.',
    phone: 'Telefoon',
    email: 'E-mail',
    officeHours: 'Bereikbaar',
    allTitle: 'Contactgegevens van de begeleidende organisaties',
  },

  // The agenda card (R13-R15)
  agenda: {
    title: (partner: string) => `Structureel overleg met ${partner}`,
    meeting: (day: string) => `Overleg op ${day}`,
    meetingToday: (day: string) => `Overleg vandaag, ${day}`,
    meetingPast: (day: string) => `Overleg van ${day} (voorbij)`,
    takesPlaceToday: 'De agenda is afgesloten. Het overleg gaat vandaag door.',
    tookPlace: 'Het overleg vond plaats.',
    meetingMoved: (description: string) => `Het overleg werd ${description}.`,
    teams: 'Het overleg is een Teams-vergadering.',
    teamsNoLink: 'Het overleg is een Teams-vergadering. De link volgt in de uitnodiging.',
    join: 'Deelnemen aan de vergadering',
    inPerson: (address: string) => `Het overleg vindt plaats bij de verhuurder: ${address}.`,
    deadline: (lastDay: string) => `Dossiers agenderen kan tot en met ${lastDay}.`,
    provisional: 'Voorlopige agenda: tot de dag vóór het overleg kunnen nog dossiers toegevoegd worden.',
    nothingInSection: 'Geen.',
    dueMilestones: (labels: string) => `Op dit overleg: ${labels}`,
    flaggedProblem: 'Probleem:',
    safety: 'Veiligheid in het gedrang',
    more: (count: number) => `En nog ${count} dossiers.`,
    addDossier: 'Dossier toevoegen ter bespreking',
    addDossierChoice: 'Dossier',
    addDossierChoiceMissing: 'Kies het dossier dat besproken moet worden.',
    addDossierProblem: 'Wat moet er besproken worden?',
    addDossierProblemHint: (max: number) => `Beschrijf kort het concrete probleem dat besproken moet worden (hoogstens ${max} tekens).`,
    flaggedBy: { landlord: 'Geagendeerd door de verhuurder', partner: 'Geagendeerd door de partner' },
    overviewAlsoToDiscuss: (count: number) => (count === 1 ? 'Plus 1 dossier dat hieronder besproken wordt.' : `Plus ${count} dossiers die hieronder besproken worden.`),
    withdraw: 'Agendering intrekken',
    withdrawConfirm: agendaMessages.withdrawConfirm,
    withdrawYes: agendaMessages.withdrawYes,
    addDossierSubmit: 'Agenderen',
    noDossiersToAdd: 'Alle lopende dossiers staan al op de agenda.',
    recordConclusions: 'Conclusies noteren',
    conclusionsSent: 'De conclusies van dit overleg werden verstuurd.',
    conclusionsConfirmed: 'De conclusies van dit overleg werden bevestigd.',
    flagged: (number: string) => `Dossier ${number} staat op de agenda.`,
    alreadyFlagged: (number: string) => `Dossier ${number} stond al op de agenda.`,
    refreshed: 'De agenda is bijgewerkt.',
    notPostedNoLink: 'Geen gekoppeld gesprek',
  },

  // Conclusions (R16, R19, R20, R4, R18)
  conclusions: {
    formTitle: (partner: string) => `Conclusies noteren: ${partner}`,
    formIntro: (day: string) => `Overleg van ${day}. Vink de besproken dossiers aan en noteer per dossier wat besloten werd.`,
    discussed: 'Besproken',
    summary: 'Wat werd besproken en afgesproken',
    decision: 'Beslissing',
    months: 'Verlengen met (maanden, een veelvoud van 3)',
    send: 'Conclusies versturen ter bevestiging',
    noDossiers: 'Er zijn geen dossiers om conclusies over te noteren.',
    nothingChecked: 'Vink minstens één besproken dossier aan.',
    summaryMissing: (numbers: string) => `Vul in wat besproken en afgesproken werd voor ${numbers}, of vink "Besproken" uit.`,
    decisionLabel: {
      none: 'Geen beslissing',
      extend: 'Traject verlengen',
      'start-contact-log': 'Contacten aan huis bijhouden',
      'plan-extra-visit': 'Extra huisbezoek plannen',
      'end-positively': 'Traject positief afronden',
      stop: 'Begeleiding stopzetten',
    },
    decided: {
      none: 'Geen beslissing.',
      extend: (months: number, until?: string) => (until ? `Het traject wordt verlengd met ${months} maanden, tot ${date(until)}.` : `Het traject wordt verlengd met ${months} maanden.`),
      'start-contact-log': 'De contacten aan huis worden voortaan bijgehouden.',
      'plan-extra-visit': 'Er wordt een extra huisbezoek gepland met de verhuurder.',
      'end-positively': 'Het traject wordt positief afgerond.',
      stop: 'De begeleiding wordt stopgezet.',
    },
    title: (day: string) => `Conclusies van het structureel overleg van ${day}`,
    partner: (partner: string) => `Met ${partner}`,
    awaiting: (partner: string) => `Wacht op bevestiging door ${partner}.`,
    confirmedBy: (name: string, at: string) => `Bevestigd door ${name} op ${at}.`,
    remark: 'Opmerking:',
    confirm: 'Bevestigen',
    confirmWithRemark: 'Bevestigen met een opmerking',
    remarkInput: 'Je opmerking voor de verhuurder',
    confirmed: 'Dank je, de conclusies zijn bevestigd.',
    sent: (count: number) => `De conclusies werden verstuurd ter bevestiging (${count} ${count === 1 ? 'gesprek' : 'gesprekken'}).`,
    sentNoConversation:
      'De conclusies werden geregistreerd, maar er is geen Teams-gesprek gekoppeld aan deze organisatie. Koppel de chat van het overleg met: koppel <organisatie>.',
    none: 'Voor dit overleg zijn er (nog) geen conclusies.',
    someone: 'een medewerker',
  },

  // Signals (R7-R9)
  signal: {
    title: 'Een signaal doorgeven aan de verhuurder',
    intro:
      'Een signaal wordt alleen doorgegeven als de huurder een toestemmingsverklaring tekende. Een signaal over de veiligheid van iemand in het traject wordt altijd en meteen doorgegeven.',
    dossier: 'Dossier',
    category: 'Soort signaal',
    description: 'Wat is er aan de hand?',
    send: 'Signaal doorgeven',
    sent: (number: string) => `Het signaal over dossier ${number} werd doorgegeven aan de verhuurder.`,
    sentSafety: (number: string) => `Het veiligheidssignaal over dossier ${number} werd meteen doorgegeven aan de verhuurder.`,
    sentWithoutConsent: 'Er is geen geldige toestemmingsverklaring: het signaal werd doorgegeven omdat het om veiligheid gaat, en dat werd zo geregistreerd.',
    notNotified: 'Het signaal is geregistreerd, maar de verhuurder kon niet meteen via Teams verwittigd worden. Bel bij acuut gevaar de verhuurder of de hulpdiensten.',
    alreadySent: 'Dit signaal werd al doorgegeven.',
    noDossiers: 'Je organisatie heeft geen lopende dossiers om een signaal over te geven.',
  },
  alert: {
    safetyTitle: 'Veiligheidssignaal',
    signalTitle: 'Nieuw signaal',
    dossier: 'Dossier',
    partner: 'Van',
    category: 'Soort',
    at: 'Doorgegeven op',
    basis: 'Grond',
    description: 'Melding:',
    open: (number: string) => `Het dossier met al zijn signalen: Dossier openen hieronder, of typ in de persoonlijke chat met de bot: dossier ${number}`,
  },

  // Absence (R5)
  absence: {
    title: 'Afwezigheid van een woonbegeleider melden',
    intro: 'Laat de verhuurder weten wie de huurders kunnen contacteren zolang de woonbegeleider afwezig is.',
    workerName: 'Naam van de woonbegeleider',
    from: 'Afwezig vanaf',
    expectedUntil: 'Verwacht terug op (als je dat weet)',
    replacementContact: 'Vervanging of contact tijdens de afwezigheid',
    dossiers: 'Betrokken dossiers',
    send: 'Afwezigheid melden',
    sent: (from: string) => `De afwezigheid vanaf ${date(from)} werd gemeld aan de verhuurder.`,
    alreadySent: 'Deze afwezigheid werd al gemeld.',
  },

  // woonbegeleiding teams-agenda (CLI)
  cli: {
    outcome: {
      posted: 'agenda geplaatst',
      updated: 'agenda bijgewerkt (was al geplaatst)',
      'not-linked': 'geen gekoppeld Teams-gesprek',
      gone: 'de bot is uit het gesprek verwijderd',
      failed: 'mislukt, probeer later opnieuw',
    },
    line: (partnerId: string, outcome: string) => `${partnerId}: ${outcome}`,
    header: (month: string) => `Agenda van het structureel overleg van ${month} in Teams:`,
  },

  // npm run playground (developer tooling, in Dutch like the rest)
  playground: {
    ready: (url: string, name: string) => `Agents Playground klaar op ${url}, je bent ${name}. Start de bot met npm start.`,
    retrying: 'De Agents Playground stopte voor hij klaar was; nog een poging.',
    failed: 'De Agents Playground kon niet starten.',
    unknownUser: (typed: string, users: string) => `Onbekende gebruiker "${typed}" voor --as. Kies uit: ${users}.`,
  },

  /** Errors of required card inputs that have no own message. */
  card: {
    fill: 'Vul dit veld in.',
    choose: 'Maak een keuze.',
    date: 'Kies een datum.',
  },

  // Card-level notices
  notice: {
    errorTitle: 'Dat lukte niet',
  },
} as const;

/** Messages of the calendar jobs in the landlord's alert channel (bot/teams/jobs-publisher.ts). */
export const botJobMessages = {
  recordConclusions: (partnerName: string, meetingDate: string) =>
    `Herinnering: noteer de conclusies van het overleg met ${partnerName} van ${meetingDate} (R16).`,
  planVisit: (label: string, number: string, due: string) => `Plan het ${label.toLowerCase()} van dossier ${number} in (te doen tegen ${due}).`,
  unclearReply: (from: string, receivedAt: string, numbers: string[]) =>
    `Een antwoord op een uitnodiging kon niet automatisch verwerkt worden: bekijk het in de mailbox (van ${from}, ontvangen ${receivedAt})` +
    (numbers.length ? `; dossiernummers: ${numbers.join(', ')}.` : '.'),
  jobFailed: (reason: string) => `Een geplande taak is na herhaalde pogingen mislukt (${reason}). Kijk na of de e-mail of de Teams-vergadering verstuurd is.`,
} as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Notices about what was still open on a dossier that changed hands (R6) or lost consent (R7). */
export const botOpenItemMessages = {
  /** R6, for the landlord: who answers its open information requests now. */
  handedOver: (number: string, fromName: string, toName: string, requests: number, flags: number) =>
    `Dossier ${number} is overgenomen door ${toName} (van ${fromName}).` +
    (requests > 0 ? ` ${count(requests, 'open informatievraag wordt', 'open informatievragen worden')} nu beantwoord door ${toName}.` : '') +
    (flags > 0 ? ` ${count(flags, 'agendering staat', 'agenderingen staan')} nu op de agenda van het overleg met ${toName}.` : ''),
  /** R7, for the landlord. */
  informationLapsed: (number: string, requests: number) =>
    `De huurder van dossier ${number} heeft de toestemming om informatie te delen ingetrokken. ` +
    `${count(requests, 'open informatievraag is', 'open informatievragen zijn')} daarom vervallen: ${requests === 1 ? 'ze wordt' : 'ze worden'} niet meer beantwoord of herinnerd.`,
  /** R7, for who set the flag. */
  flagWithdrawn: (number: string, meetingDate: string) =>
    `Je agendering van dossier ${number} voor het structureel overleg van ${meetingDate} is ingetrokken: de huurder heeft de toestemming om informatie te delen ingetrokken. ` +
    'Gaat het om de veiligheid van iemand in het traject? Meld het dan als veiligheidssignaal: dat wordt altijd doorgegeven.',
} as const;
