/** Dutch texts of the access policy (DESIGN, Security; R6). */
export const accessMessages = {
  /** The same text for a missing id and for a dossier the user may not see: nothing leaks. */
  dossierNotFound: 'Dit dossier werd niet gevonden.',
  partnerNotFound: 'Deze organisatie werd niet gevonden.',
  forbidden: (action: string) => `Je hebt geen toestemming om ${action}.`,
  roleLabel: {
    'landlord-coordinator': 'coördinator bewonerscontacten',
    'landlord-staff': 'medewerker van de verhuurder',
    'partner-member': 'medewerker van een begeleidende organisatie',
  },
  /** Completes "Je hebt geen toestemming om ...". */
  actionLabel: {
    'dossier.read': 'dit dossier te bekijken',
    'dossier.create': 'een dossier aan te maken',
    'dossier.sign': 'handtekeningen te registreren',
    'dossier.consent': 'de toestemmingsverklaring te registreren',
    'dossier.activate': 'het traject te starten',
    'dossier.extend': 'het traject te verlengen',
    'dossier.close': 'het traject af te sluiten',
    'transfer.request': 'dit traject over te dragen',
    'transfer.view': 'deze overdracht te bekijken',
    'transfer.decide': 'over deze overdracht te beslissen',
    'flag.create': 'dit dossier aan te melden voor het overleg',
    'flag.withdraw': 'deze aanmelding voor het overleg in te trekken',
    'signal.raise': 'een signaal door te geven',
    'info.request': 'informatie op te vragen',
    'info.answer': 'deze informatievraag te beantwoorden',
    'contactlog.write': 'contacten te registreren',
    'absence.report': 'een afwezigheid te melden',
    'conclusions.record': 'de conclusies van het overleg te registreren',
    'conclusions.confirm': 'de conclusies van het overleg te bevestigen',
    'visit.record': 'een huisbezoek te registreren',
    'partner.manage': 'organisaties te beheren',
    'user.manage': 'gebruikers te beheren',
    'conversation.link': 'een gesprek in Teams te koppelen',
    'report.read': 'het overzicht van de trajecten te bekijken',
  },
} as const;
