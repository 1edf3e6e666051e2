/** Dutch texts of the privacy commands (subject access export, purge after retention). */
export const privacyMessages = {
  /** What replaces erased personal text. */
  erased: '[gewist]',
  usage: 'Gebruik: woonbegeleiding privacy export --dossier ID | privacy purge --closed-before JJJJ-MM-DD [--yes]',
  dossierNotFound: (id: string) => `Dossier "${id}" bestaat niet (id of nummer).`,
  confirm: (count: number, date: string) =>
    `${count} ${count === 1 ? 'dossier is' : 'dossiers zijn'} afgesloten vóór ${date}. Persoonsgegevens definitief wissen? Typ "ja": `,
  needsYes: 'Bevestiging nodig: voeg --yes toe (er is geen terminal om het te vragen).',
  cancelled: 'Niets gewist.',
  nothingToPurge: (date: string) => `Geen afgesloten dossiers vóór ${date} met persoonsgegevens.`,
  purged: (dossiers: number, records: number) =>
    `Persoonsgegevens gewist uit ${dossiers} ${dossiers === 1 ? 'dossier' : 'dossiers'} (${records} records); de anonieme tellingen blijven.`,
} as const;
