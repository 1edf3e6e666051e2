/** Dutch texts of the trajectory: candidacy, signatures, start, extension, closing, transfer (R1, R2, R6, R19, R20). */
const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/** "a", "a en b", "a, b en c" */
const enumerate = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const trajectoryMessages = {
  statusLabel: {
    candidacy: 'kandidatuur',
    active: 'lopend',
    extended: 'verlengd',
    'closed-positive': 'positief afgerond',
    stopped: 'stopgezet',
  },
  kindLabel: {
    VT: 'versnelde toewijzing',
    other: 'andere woonbegeleiding',
  },
  /** The parties of the "Bevestiging van een begeleidingsovereenkomst" (R1), inside a sentence. */
  signatoryLabel: {
    supportWorker: 'de woonbegeleider',
    tenant: 'de kandidaat-huurder',
    landlord: 'de verhuurder',
  },
  /** What can be done next with a dossier, for buttons and menus. */
  stepLabel: {
    sign: 'Handtekening registreren',
    activate: 'Huurovereenkomst bekrachtigen en traject starten',
    extend: 'Traject verlengen',
    'close-positively': 'Traject positief afronden',
    stop: 'Traject stopzetten',
    'request-transfer': 'Traject overdragen aan een andere organisatie',
    'decide-transfer': 'Overdracht aanvaarden of weigeren',
  },

  // Candidacy input (validation)
  fieldLabel: {
    id: 'de sleutel van het dossier',
    landlordId: 'de verhuurder',
    number: 'het dossiernummer',
    kind: 'het soort traject (versnelde toewijzing of andere woonbegeleiding)',
    tenantName: 'de naam van de huurder',
    tenantAddress: 'het adres van de huurder',
    registeringPartnerId: 'de aanmeldende organisatie',
    supportingPartnerId: 'de begeleidende organisatie',
    supportWorkerName: 'de naam van de woonbegeleider',
    supportWorkerEmail: 'het e-mailadres van de woonbegeleider',
    documents: 'de versies van de huurdocumenten',
    toPartnerId: 'de organisatie die het traject overneemt',
    requestedBy: 'wie de overdracht vraagt',
    reason: 'de reden',
    refusalReason: 'de reden van de weigering',
  },
  fieldMissing: (label: string) => `${label} ontbreekt`,
  fieldTooLong: (label: string, max: number) => `${label} is te lang (hoogstens ${max} tekens)`,
  fieldInvalid: (label: string) => `${label} is ongeldig`,
  fieldForbiddenCharacter: (label: string) => `${label} bevat een onzichtbaar stuurteken of een teken dat de schrijfrichting omkeert`,
  fieldOneLine: (label: string) => `${label} moet op één regel staan`,
  invalidInput: (problems: readonly string[]) => `${capitalise(problems.join('; '))}.`,
  candidacyInvalid: (problems: readonly string[]) => `De kandidatuur kan niet aangemaakt worden: ${problems.join('; ')}.`,

  // R1 signatures and start
  unknownSignatory: 'Onbekende ondertekenaar: kies de woonbegeleider, de kandidaat-huurder of de verhuurder.',
  signOnlyInCandidacy: (status: string) =>
    `De bevestiging van de begeleidingsovereenkomst wordt ondertekend vóór de huurovereenkomst. Dit traject is geen kandidatuur meer (${status}).`,
  signatureInFuture: (today: string) => `De datum van ondertekening kan niet na vandaag (${dayMonthYear(today)}) liggen.`,
  alreadySignedOtherDate: (who: string, signedOn: string) =>
    `${capitalise(who)} heeft de bevestiging van de begeleidingsovereenkomst al ondertekend op ${dayMonthYear(signedOn)}. Een andere datum kan niet geregistreerd worden.`,
  activateOnlyCandidacy: (status: string) => `Alleen een kandidatuur kan gestart worden. Dit traject is ${status}.`,
  missingSignatures: (who: readonly string[]) =>
    `De huurovereenkomst kan niet bekrachtigd worden: ${
      who.length === 1 ? `de handtekening van ${enumerate(who)} ontbreekt` : `de handtekeningen van ${enumerate(who)} ontbreken`
    } nog op de bevestiging van de begeleidingsovereenkomst.`,
  leaseStartBeforeSignatures: (lastSignature: string) =>
    `De huurovereenkomst kan niet ingaan vóór de ondertekening van de bevestiging van de begeleidingsovereenkomst (${dayMonthYear(lastSignature)}).`,
  leaseStartTooFarAhead: (latest: string) =>
    `De startdatum van de huurovereenkomst ligt te ver in de toekomst (uiterlijk ${dayMonthYear(latest)}).`,
  missingLeaseStart: 'Dit traject heeft geen startdatum van de huurovereenkomst.',

  // R19, R20 extension and closing
  extendOnlyWhenRunning: (status: string) => `Alleen een lopend of verlengd traject kan verlengd worden. Dit traject is ${status}.`,
  decisionBeforeLeaseStart: (leaseStart: string) =>
    `Deze datum ligt vóór de start van de huurovereenkomst (${dayMonthYear(leaseStart)}).`,
  decisionBeforePreviousExtension: (previous: string) =>
    `Deze datum ligt vóór de vorige beslissing tot verlenging (${dayMonthYear(previous)}).`,
  closeOnlyWhenRunning: (status: string) =>
    `Alleen een lopend of verlengd traject kan positief afgerond worden. Dit traject is ${status}.`,
  stopOnlyWhenOpen: (status: string) => `Dit traject is al afgesloten (${status}) en kan niet meer stopgezet worden.`,
  closingWithOpenTransfer:
    'Er staat nog een overdracht naar een andere organisatie open. Die moet eerst aanvaard of geweigerd worden.',

  // R6 transfer
  transferOfClosedTrajectory: (status: string) => `Een afgesloten traject (${status}) kan niet overgedragen worden.`,
  transferOnlyBySupportingPartner: 'Alleen de begeleidende organisatie van dit traject kan het overdragen aan een andere organisatie.',
  transferToSelf: 'Kies een andere organisatie dan de huidige begeleidende organisatie.',
  transferAlreadyOpen: 'Er staat al een overdracht open voor dit traject. Wacht op het antwoord van de organisatie die het overneemt.',
  noOpenTransfer: 'Er staat geen overdracht open voor dit traject.',
  transferOnlyByReceivingPartner: 'Alleen de organisatie die het traject overneemt, kan deze overdracht aanvaarden of weigeren.',
  transferDecisionBeforeRequest: (requestedOn: string) =>
    `Een beslissing over de overdracht kan niet vallen vóór de vraag (${dayMonthYear(requestedOn)}).`,
  transferOutOfDate: 'De overdracht hoort niet meer bij de huidige begeleidende organisatie. Vernieuw het dossier en probeer opnieuw.',
  transferCancelOnlyByRequester: 'Alleen de organisatie die de overdracht gevraagd heeft, kan die vraag intrekken.',
} as const;
