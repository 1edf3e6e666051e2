/** Dutch texts of information sharing: consent, signals, information requests (R7-R10). */
import { freeTextMessages } from './free-text';
const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export const informationMessages = {
  signalCategoryLabel: {
    'insufficient-cooperation': 'onvoldoende medewerking',
    'insufficient-results': 'onvoldoende resultaten',
    aggression: 'agressie',
    liveability: 'risico voor de leefbaarheid',
    'damage-risk': 'risico op schade aan de woning',
    safety: 'veiligheid van een partner in het traject',
    other: 'andere',
  },
  basisLabel: {
    consent: 'op basis van de toestemmingsverklaring van de huurder',
    'safety-without-consent': 'zonder toestemmingsverklaring, omdat het om veiligheid gaat',
  },

  // R7 consent
  consentScopeMissing: 'Vul in waarvoor de huurder toestemming gaf (de omschrijving van de toestemming).',
  consentScopeTooLong: (max: number) => `De omschrijving van de toestemming is te lang (hoogstens ${max} tekens).`,
  consentScopeInvalid: freeTextMessages.forbiddenCharacter('de omschrijving van de toestemming'),
  consentDateInFuture: (today: string) => `De datum van de toestemming kan niet na vandaag (${dayMonthYear(today)}) liggen.`,
  consentOnClosedTrajectory: 'Dit traject is afgesloten: er kan geen nieuwe toestemming meer geregistreerd worden.',
  consentBeforeWithdrawal: (withdrawnOn: string) =>
    `Een nieuwe toestemming kan niet dateren van vóór de intrekking van de vorige (${dayMonthYear(withdrawnOn)}).`,
  noConsentToWithdraw: 'Er is geen toestemmingsverklaring geregistreerd die ingetrokken kan worden.',
  consentAlreadyWithdrawn: (withdrawnOn: string) => `De toestemming werd al ingetrokken op ${dayMonthYear(withdrawnOn)}.`,
  withdrawalBeforeConsent: (givenOn: string) =>
    `De toestemming kan niet ingetrokken worden vóór ze gegeven werd (${dayMonthYear(givenOn)}).`,
  withdrawalInFuture: (today: string) => `De datum van intrekking kan niet na vandaag (${dayMonthYear(today)}) liggen.`,

  // R7, R8, R9 signals
  unknownSignalCategory: 'Kies het soort signaal.',
  signalRefusedWithoutConsent:
    'Dit signaal kan niet doorgegeven worden: er is geen geldige toestemmingsverklaring van de huurder om informatie te delen. Gaat het om de veiligheid van iemand in het traject? Meld het dan als veiligheidssignaal: dat wordt altijd doorgegeven.',
  signalOnClosedTrajectory:
    'Dit traject is afgesloten. Er kan alleen nog een signaal over de veiligheid van iemand in het traject doorgegeven worden.',

  // R7, R10 information requests
  requestRefusedWithoutConsent:
    'Deze informatievraag kan niet verstuurd worden: er is geen geldige toestemmingsverklaring van de huurder om informatie te delen.',
  answerRefusedWithoutConsent:
    'Dit antwoord kan niet doorgegeven worden: er is (niet langer) een geldige toestemmingsverklaring van de huurder om informatie te delen.',
  requestOnClosedTrajectory: 'Dit traject is afgesloten: er kan geen informatievraag meer over gesteld worden.',
} as const;
