/** Chat commands: forgiving about case, accents, mentions and typos; suggestions, never guesses. */
import { distance, dossierNumberCandidates, monthArg, normalise, parseCommand } from '../../../bot/teams/commands/parse';
import { partnerAndMonth } from '../../../bot/teams/commands/agenda';

describe('parseCommand', () => {
  it.each([
    ['help', 'help', []],
    ['HELP', 'help', []],
    ['<at>Woonbegeleiding</at> help', 'help', []],
    ['  Mijn   Dossiers ', 'dossiers', []],
    ['dossiers', 'dossiers', []],
    ['dossier VT-2025-014', 'dossier', ['vt-2025-014']],
    ['Agenda de Vaart 2025-11', 'agenda', ['de', 'vaart', '2025-11']],
    ['Afwezigheid', 'absence', []],
    ['signaal!', 'signal', []],
    ['koppel Woonkracht', 'link', ['woonkracht']],
    ['ontkoppel', 'unlink', []],
    ['alarmkanaal', 'alertChannel', []],
    ['Conclusies', 'conclusions', []],
    ['contact', 'contact', []],
  ])('%s -> %s', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ kind: 'command', name, args });
  });

  it.each([
    ['agnda', 'agenda'],
    ['agendaa', 'agenda'],
    ['mijn dosiers', 'mijn dossiers'],
    ['signal', 'signaal'],
    ['afwezigheit', 'afwezigheid'],
    ['kopel de vaart', 'koppel de vaart'],
    ['hlep', 'help'],
    ['conclusis 2025-11', 'conclusies 2025-11'],
  ])('a typo "%s" gets the suggestion "%s"', (text, suggestion) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'suggestion', suggestion });
  });

  it('something else is unknown; nothing is empty', () => {
    expect(parseCommand('goedemorgen allemaal')).toEqual({ kind: 'unknown', typed: 'goedemorgen allemaal' });
    expect(parseCommand('<at>Bot</at>  ')).toEqual({ kind: 'empty' });
  });
});

describe('helpers', () => {
  it('normalise drops accents, mentions and punctuation', () => {
    expect(normalise('<at>Bot</at> Één  Dossier, graag!')).toBe('een dossier graag');
  });

  it('distance counts a swap as one', () => {
    expect(distance('agenda', 'agneda')).toBe(1);
    expect(distance('help', 'help')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
  });

  it('months and dossier numbers as people type them', () => {
    expect(monthArg('2025-1')).toBe('2025-01');
    expect(monthArg('11/2025')).toBe('2025-11');
    expect(monthArg('vaart')).toBeUndefined();
    expect(dossierNumberCandidates('vt-2025-14')).toEqual(['VT-2025-14', 'VT-2025-014']);
    expect(dossierNumberCandidates('2025-014')).toEqual(['VT-2025-014', 'AW-2025-014']);
    expect(partnerAndMonth(['de', 'vaart', '2025-11'], '2025-11-20')).toEqual({ words: 'de vaart', month: '2025-11' });
    expect(partnerAndMonth(['de', 'vaart'], '2025-11-20')).toEqual({ words: 'de vaart' });
  });

  it('R13: a month as a Dutch word: "november", "nov.", "november 2025"; alone, the nearest such month', () => {
    expect(partnerAndMonth(['woonkracht', 'november'], '2025-11-20')).toEqual({ words: 'woonkracht', month: '2025-11' });
    expect(partnerAndMonth(['woonkracht', 'nov.'], '2025-11-20')).toEqual({ words: 'woonkracht', month: '2025-11' });
    expect(partnerAndMonth(['de', 'vaart', 'december', '2024'], '2025-11-20')).toEqual({ words: 'de vaart', month: '2024-12' });
    expect(partnerAndMonth(['januari'], '2025-11-20')).toEqual({ words: '', month: '2026-01' }); // next year: closer
    expect(partnerAndMonth(['december'], '2026-01-10')).toEqual({ words: '', month: '2025-12' }); // last year: closer
    expect(partnerAndMonth(['woonkracht', 'novembr'], '2025-11-20')).toEqual({ words: 'woonkracht novembr' }); // not a month: refused by name
  });
});
