/** Dutch texts about the timing of a trajectory (R2, R11, R17, R19, R20). */
export const trajectoryTimingMessages = {
  extensionNotMultipleOfThree: (value: string) =>
    `Ongeldige verlenging "${value}": een verlenging duurt een veelvoud van 3 maanden (3, 6, 9, ...).`,
  milestoneLabel: {
    'evaluation-1m': 'Evaluatie na 1 maand',
    'home-visit-3m': 'Huisbezoek na 3 maanden',
    'evaluation-4m': 'Evaluatie na 4 maanden',
    'evaluation-10m': 'Evaluatie na 10 maanden',
    'final-evaluation': 'Eindevaluatie',
  },
  /** One word per milestone state (shared/rules/milestone-state.ts), on the card, the page and in the CLI. */
  milestoneState: { planned: 'gepland', due: 'te doen', overdue: 'te laat', held: 'gebeurd', missed: 'niet doorgegaan' },
} as const;
