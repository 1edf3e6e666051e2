/**
 * The one free-text check (DESIGN, Security): every typed text is trimmed, bounded by the one table,
 * and refused with a Dutch reason when it carries control characters or bidirectional overrides.
 */
import fc from 'fast-check';
import { DomainError } from '../../../shared/rules/errors';
import { checkFreeText, FREE_TEXT, optionalFreeText, requireFreeText, type FreeTextField } from '../../../shared/rules/free-text';

const fields = Object.keys(FREE_TEXT) as FreeTextField[];
const multiLine = fields.filter((f) => FREE_TEXT[f].lines === 'many');
const oneLine = fields.filter((f) => FREE_TEXT[f].lines === 'one');

/** Every character the check refuses anywhere: C0 but tab/newline/CR, DEL, C1, bidi embeddings, overrides, isolates. */
const forbidden = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
].map((c) => String.fromCodePoint(c));

describe('free text: one check for every field', () => {
  it('trims, and keeps the text as typed otherwise', () => {
    expect(checkFreeText('  Jan Peeters  ', 'tenantName')).toEqual({ ok: true, value: 'Jan Peeters' });
    expect(checkFreeText('Ève Çelik-Ørsted 🏠', 'tenantName')).toEqual({ ok: true, value: 'Ève Çelik-Ørsted 🏠' });
  });

  it('refuses the right-to-left override and every C0/C1 control in every field', () => {
    for (const field of fields) {
      for (const c of forbidden) {
        expect(checkFreeText(`abc${c}def`, field)).toMatchObject({ ok: false, problem: 'forbidden-character' });
      }
    }
  });

  it('a name whose letters were reversed by U+202E is refused, with a Dutch reason that says what to remove', () => {
    expect(() => requireFreeText('Jan \u202Esreteep', 'tenantName', 'de naam van de huurder', 'tenant.name')).toThrow(
      new DomainError(
        'validation',
        'De naam van de huurder bevat een onzichtbaar stuurteken of een teken dat de schrijfrichting omkeert (bijvoorbeeld uit gekopieerde tekst). Typ de tekst opnieuw of verwijder dat teken.',
      ),
    );
  });

  it('multi-line fields keep newlines and tabs (a Windows line end becomes \\n); one-line fields refuse them', () => {
    for (const field of multiLine) expect(checkFreeText('regel 1\r\nregel 2\tmet tab\rregel 3', field)).toEqual({ ok: true, value: 'regel 1\nregel 2\tmet tab\nregel 3' });
    for (const field of oneLine) expect(checkFreeText('regel 1\nregel 2', field)).toMatchObject({ ok: false, problem: 'line-break' });
  });

  it('R13b: the problem statement joins its lines with single spaces', () => {
    expect(checkFreeText(' twee\nregels\r\nen\t\ttab ', 'problem')).toEqual({ ok: true, value: 'twee regels en tab' });
  });

  it('the limit of the table counts characters after trimming (an emoji is one)', () => {
    for (const field of fields) {
      const { max } = FREE_TEXT[field];
      expect(checkFreeText(` ${'🏠'.repeat(max)} `, field)).toMatchObject({ ok: true });
      expect(checkFreeText('x'.repeat(max + 1), field)).toEqual({ ok: false, problem: 'too-long', max });
    }
  });

  it('missing: not a string, empty or only spaces; an optional text is then absent', () => {
    for (const value of [undefined, null, 12, '', '   ', '\n\t']) expect(checkFreeText(value, 'reason')).toMatchObject({ ok: false, problem: 'missing' });
    expect(optionalFreeText('  ', 'tenantAddress', "het adres")).toBeUndefined();
    expect(() => optionalFreeText('a\u0085b', 'tenantAddress', 'het adres')).toThrow(DomainError);
  });

  it('a too long text names its limit in the error details', () => {
    try {
      requireFreeText('x'.repeat(201), 'personName', 'de naam', 'workerName');
      throw new Error('no error');
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation', message: 'De naam is te lang (hoogstens 200 tekens).', details: { fields: ['workerName'], max: 200 } });
    }
  });

  it('property: whatever is accepted is trimmed, within its limit and free of forbidden characters', () => {
    const anyChar = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...forbidden, '\n', '\t', '\r', ' '));
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.array(anyChar, { maxLength: 30 }), (field, parts) => {
        const check = checkFreeText(parts.join(''), field);
        if (!check.ok) return;
        expect(check.value).toBe(check.value.trim());
        expect([...check.value].length).toBeLessThanOrEqual(FREE_TEXT[field].max);
        for (const c of forbidden) expect(check.value.includes(c)).toBe(false);
        expect(checkFreeText(check.value, field)).toEqual(check); // stored text passes again unchanged
      }),
    );
  });
});
