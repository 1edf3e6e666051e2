/**
 * The consultation in the Teams meeting (the side panel, the stage view and the same page in a
 * browser): Dutch words for a coordinator and the partner's support workers.
 */
export const meetingMessages = {
  title: (partner: string, day: string) => `Structureel overleg met ${partner} van ${day}`,
  stageTitle: (partner: string) => `Agenda van het overleg met ${partner}`,
  part: {
    toDiscuss: 'Te bespreken dossiers',
    overview: 'Overzicht van de lopende dossiers',
    otherTrajectories: 'Andere begeleidingen op vraag van de verhuurder',
  },
  nothingInPart: 'Geen dossiers.',
  /** A dossier to discuss is listed once, under the dossiers to discuss; the overview says how many. */
  alsoAbove: (n: number) => (n === 1 ? 'Eén lopend dossier staat hierboven bij de te bespreken dossiers.' : `${n} lopende dossiers staan hierboven bij de te bespreken dossiers.`),
  followAlong:
    'Je volgt het overleg mee. De coördinator van de verhuurder noteert de conclusies; ze verschijnen hier zodra ze genoteerd zijn.',
  noteHeading: (number: string) => `Conclusie voor ${number}`,
  note: 'Conclusie noteren',
  change: 'Conclusie wijzigen',
  summary: 'Wat werd besproken en afgesproken',
  decision: 'Beslissing',
  months: 'Verlengen met',
  monthsOption: (months: number) => `${months} maanden`,
  stopReason: 'Reden van de stopzetting',
  save: 'Conclusie bewaren',
  saved: (number: string) => `De conclusie voor ${number} is genoteerd.`,
  cancel: 'Annuleren',
  noted: 'Genoteerd',
  notNoted: 'Nog geen conclusie',
  notesCount: (n: number) => (n === 1 ? '1 conclusie genoteerd.' : `${n} conclusies genoteerd.`),
  close: 'Lijst afsluiten en conclusies versturen ter bevestiging',
  closeHelp: 'De beslissingen worden dan toegepast op de dossiers en de begeleidende dienst krijgt de conclusies om te bevestigen.',
  closed: 'De conclusies zijn verstuurd ter bevestiging.',
  awaiting: (partner: string) => `Verstuurd; wacht op bevestiging door ${partner}.`,
  confirmed: (day: string) => `Bevestigd door de begeleidende dienst op ${day}.`,
  confirmedRemark: (remark: string) => `Opmerking: ${remark}`,
  shareToStage: 'Toon de agenda aan iedereen in de vergadering',
  shared: 'De agenda staat op het scherm van de vergadering.',
  shareFailed: 'De agenda kon niet op het scherm van de vergadering gezet worden.',
  refresh: 'Vernieuwen',
  updatedAt: (time: string) => `Bijgewerkt om ${time}.`,
  noPartner: 'Deze vergadering is nog niet aan een partnerorganisatie gekoppeld. Kies de organisatie bij het toevoegen van het tabblad.',
  configIntro: 'Met welke partnerorganisatie is dit overleg? Het tabblad toont dan elke maand de agenda van dat overleg.',
  configPartner: 'Partnerorganisatie',
  cancelledMeeting: 'Dit overleg gaat niet door: er is niets te bespreken.',
  inPerson: (address: string) => `Het overleg vindt plaats op ${address}.`,
} as const;
