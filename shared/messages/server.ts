/** Dutch texts of the HTTP server: problem details and health. */
export const serverMessages = {
  notFound: 'Deze pagina of dit gegeven bestaat niet.',
  methodNotAllowed: 'Deze methode is hier niet toegelaten.',
  unexpected: 'Er ging iets onverwachts mis. Probeer het later opnieuw; blijft het probleem, meld het aan de dienst Bewonerscontacten.',
  badJson: 'De inhoud van het verzoek is geen geldige JSON.',
  tooLarge: 'Het verzoek is te groot.',
  botTokenRefused: 'Dit verzoek komt niet aantoonbaar van Microsoft Teams: het token ontbreekt of is ongeldig.',
  titles: {
    validation: 'Ongeldige invoer',
    'not-found': 'Niet gevonden',
    forbidden: 'Niet toegelaten',
    conflict: 'Conflict',
    'deadline-passed': 'Termijn verstreken',
    unavailable: 'Tijdelijk niet beschikbaar',
    unauthorized: 'Niet aangemeld',
    internal: 'Interne fout',
  },
} as const;
