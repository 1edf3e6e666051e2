/** Dutch texts of the end of a trajectory: final evaluation, extension timing, positive end (R2, R11, R19, R20). */
const dayMonthYear = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/** "a", "a en b", "a, b en c" */
const enumerate = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

const partLabel: Record<string, string> = { house: 'de woning', garden: 'de tuin', terrace: 'het terras', garage: 'de garage' };

const notYet = 'Het traject kan nog niet positief afgerond worden';

export const trajectoryEndMessages = {
  // R2, R19: what a positive end needs
  noFinalEvaluation: (from: string) =>
    `${notYet}: dat kan pas na de eindevaluatie aan huis, met de woonbegeleider erbij en de hele woning bekeken (ook tuin, terras en garage). Die eindevaluatie valt ten vroegste op ${dayMonthYear(from)}.`,
  finalEvaluationWithoutWorker: (heldOn: string) =>
    `${notYet}: bij het bezoek van ${dayMonthYear(heldOn)} was de woonbegeleider niet aanwezig, dus dat telt niet als eindevaluatie. Plan een nieuwe eindevaluatie met de woonbegeleider erbij.`,
  homeNotFullyInspected: (heldOn: string, parts: readonly string[]) =>
    `${notYet}: bij de eindevaluatie van ${dayMonthYear(heldOn)} werd niet de hele woning bekeken (geen bevinding voor ${enumerate(
      parts.map((p) => partLabel[p] ?? p),
    )}). Vul de bevindingen van die eindevaluatie aan.`,
  seriousDefectsMustExtend: (heldOn: string, consultation: string) =>
    `Het traject kan niet positief afgerond worden: bij de eindevaluatie van ${dayMonthYear(heldOn)} werden ernstige gebreken vastgesteld. De begeleiding loopt door tot het structureel overleg van ${dayMonthYear(consultation)}, dat beslist hoe lang ze verlengd wordt.`,
  // R19: the consultation after serious defects decides an extension
  consultationMustExtend: (number: string, heldOn: string) =>
    `Voor dossier ${number} moet dit overleg beslissen hoe lang de begeleiding verlengd wordt: bij de eindevaluatie van ${dayMonthYear(heldOn)} werden ernstige gebreken vastgesteld. Kies "verlengen" met het aantal maanden.`,
  consultationCannotEndPositively: (number: string, heldOn: string) =>
    `Dossier ${number} kan op dit overleg niet positief afgerond worden: bij de eindevaluatie van ${dayMonthYear(heldOn)} werden ernstige gebreken vastgesteld. Dit overleg beslist hoe lang de begeleiding verlengd wordt: kies "verlengen" met het aantal maanden.`,
  // R2, R11, R20: when an extension can be decided
  extensionTooEarly: (earliest: string) =>
    `Het traject kan nog niet verlengd worden: over een verlenging wordt beslist vanaf het structureel overleg van de evaluatie na 10 maanden (${dayMonthYear(earliest)}), bij de eindevaluatie of tijdens een lopende verlenging.`,
  // R19: a final evaluation recorded without the support worker
  visitNotFinalEvaluation:
    'De woonbegeleider was er niet bij, dus dit bezoek telt niet als eindevaluatie. Het blijft bewaard als huisbezoek. Plan een nieuwe eindevaluatie met de woonbegeleider erbij.',
  workerPresenceRequired: 'Zeg of de woonbegeleider aanwezig was: zonder woonbegeleider telt het bezoek niet als eindevaluatie.',
} as const;
