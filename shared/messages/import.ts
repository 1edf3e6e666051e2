/** Dutch texts of the dossier import (`woonbegeleiding import dossiers FILE.csv`). */
export const importMessages = {
  missingColumns: (columns: string[]) => `Kolommen ontbreken in de kopregel: ${columns.join(', ')}.`,
  unknownColumns: (columns: string[]) => `Onbekende kolommen in de kopregel: ${columns.join(', ')}.`,
  empty: 'Het bestand bevat geen dossiers.',
  tooMany: (max: number) => `Hoogstens ${max} dossiers per import.`,
  badCsv: (detail: string) => `Het bestand is geen geldige CSV: ${detail}`,
  rowProblem: (line: number, message: string) => `Regel ${line}: ${message}`,
  rejected: (count: number) => `Niets geïmporteerd: ${count} ${count === 1 ? 'regel is' : 'regels zijn'} niet in orde.`,
  unknownPartner: (id: string) => `onbekende organisatie "${id}".`,
  badKind: (value: string) => `soort "${value}" bestaat niet: gebruik VT of AW.`,
  badNumber: (value: string) => `nummer "${value}" heeft niet de vorm VT-JJJJ-NNN of AW-JJJJ-NNN.`,
  numberKindMismatch: (value: string) => `nummer "${value}" past niet bij de soort.`,
  duplicateInFile: (value: string, line: number) => `nummer "${value}" staat ook op regel ${line}.`,
  existsDifferent: (value: string) => `nummer "${value}" bestaat al met andere gegevens.`,
  badExtensions: (value: string) => `verlengingen "${value}": gebruik bijvoorbeeld 3;6.`,
  extensionWithoutLease: 'een verlenging kan pas na de start van de huur.',
  consentScopeMissing: 'toestemming_op is ingevuld maar toestemming_scope niet.',
  summary: (imported: number, unchanged: number) =>
    `${imported} ${imported === 1 ? 'dossier' : 'dossiers'} geïmporteerd, ${unchanged} al aanwezig en ongewijzigd.`,
} as const;
