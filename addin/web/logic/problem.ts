/**
 * R13b in the pane: the problem statement as the server will count it (line breaks and tabs become
 * one space, trimmed, characters as a person counts them), so the counter and the check before
 * sending agree with the rule (shared/rules/flags.ts `normaliseProblem`). The server decides; this
 * only spares the user a round trip.
 */
import { addinMessages as msg } from '../../../shared/messages/addin';

const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]+/g;

export interface ProblemCheck {
  /** Characters after normalising, as the rule counts them. */
  length: number;
  counter: string;
  /** Dutch, when the statement cannot be sent. */
  error?: string;
}

export function normalisedLength(draft: string): number {
  return [...draft.replace(LINE_BREAKS_AND_TABS, ' ').trim()].length;
}

export function checkProblem(draft: string, max: number): ProblemCheck {
  const length = normalisedLength(draft);
  const counter = msg.dossiers.counter(length, max);
  if (length === 0) return { length, counter, error: msg.dossiers.problemMissing };
  if (length > max) return { length, counter, error: msg.dossiers.problemTooLong(max) };
  return { length, counter };
}
