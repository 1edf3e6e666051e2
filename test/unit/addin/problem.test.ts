/** R13b in the pane: the problem statement's counter and check agree with the rule's normalisation. */
import { checkProblem, normalisedLength } from '../../../addin/web/logic/problem';
import { normaliseProblem, PROBLEM_MAX_LENGTH } from '../../../shared/rules/flags';

describe('problem statement (R13b)', () => {
  it.each(['  kort  ', 'twee\nregels\r\nen\ttab', 'emoji 🏠 telt als één', 'x'.repeat(PROBLEM_MAX_LENGTH)])('counts %j as the rule does', (text) => {
    expect(normalisedLength(text)).toBe([...normaliseProblem(text)].length);
  });

  it('R13b: required', () => {
    expect(checkProblem(' \n ', 500)).toEqual({ length: 0, counter: '0/500 tekens', error: 'Beschrijf kort het concrete probleem dat besproken moet worden.' });
  });

  it('R13b: at most the maximum, with the rule’s message', () => {
    expect(checkProblem('x'.repeat(501), 500).error).toBe('De omschrijving van het probleem is te lang (hoogstens 500 tekens).');
    expect(checkProblem('x'.repeat(500), 500)).toEqual({ length: 500, counter: '500/500 tekens' });
  });
});
