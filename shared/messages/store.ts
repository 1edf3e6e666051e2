/** Dutch texts of the storage layer (errors a user can see). */
export const storeMessages = {
  unavailable: 'De gegevensopslag is even niet bereikbaar. Probeer het over enkele ogenblikken opnieuw.',
  conflict: 'Iemand anders wijzigde deze gegevens op hetzelfde moment. Probeer het opnieuw.',
  tooLarge: 'Deze gegevens zijn te groot om te bewaren. Maak de tekst korter.',
  invalidKey: 'Deze verwijzing is ongeldig.',
  tooManyWrites: 'Te veel wijzigingen tegelijk: verdeel ze over meerdere stappen.',
  notFound: {
    landlord: 'Deze verhuurder werd niet gevonden.',
    partner: 'Deze organisatie werd niet gevonden.',
    user: 'Deze gebruiker werd niet gevonden.',
    dossier: 'Dit dossier werd niet gevonden.',
    visit: 'Dit huisbezoek werd niet gevonden.',
    consultation: 'Dit overleg werd niet gevonden.',
    flag: 'Dit dossier staat niet op de lijst om te bespreken.',
    informationRequest: 'Deze informatievraag werd niet gevonden.',
    absence: 'Deze afwezigheid werd niet gevonden.',
    conversation: 'Dit gesprek werd niet gevonden.',
  },
  exists: {
    landlord: 'Deze verhuurder bestaat al.',
    partner: 'Deze organisatie bestaat al.',
    user: 'Deze gebruiker bestaat al.',
    dossier: 'Dit dossier bestaat al.',
    record: 'Dit gegeven bestaat al.',
    consultation: 'Dit overleg bestaat al.',
  },
  dossierNumberTaken: (number: string) => `Het dossiernummer ${number} is al in gebruik.`,
  alreadyFlagged: 'Dit dossier staat al op de lijst om te bespreken in dit overleg.',
  /** One storage per data folder (shared/store/data-folder.ts): said to whoever starts the server or a command. */
  dataFolder: {
    serverRunning: (dataDir: string, pid: number) =>
      `Er draait al een Woonbegeleiding-server op de gegevensmap ${dataDir} (proces ${pid}). Stop die eerst, of kies een andere map met DATA_DIR.`,
    commandRunning: (dataDir: string, pid: number) =>
      `De gegevensmap ${dataDir} is nog in gebruik door een woonbegeleiding-opdracht (proces ${pid}). Wacht tot die klaar is en probeer het dan opnieuw.`,
    serverStarting: (dataDir: string, pid: number) =>
      `De Woonbegeleiding-server op de gegevensmap ${dataDir} (proces ${pid}) is nog niet klaar met opstarten. Probeer het over enkele ogenblikken opnieuw.`,
    waiting: (pid: number) => `De gegevensmap is in gebruik door een andere woonbegeleiding-opdracht of een opstartende server (proces ${pid}): even wachten...`,
    unreadable: (file: string) => `Het bestand ${file} kan niet gelezen worden. Kijk na of er nog een server of opdracht draait; zo niet, verwijder het bestand.`,
  },
} as const;
