/** Dutch texts of the one free-text check (shared/rules/free-text.ts): what is wrong with a typed text. */
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const freeTextMessages = {
  missing: (label: string) => `Vul ${label} in.`,
  tooLong: (label: string, max: number) => `${capitalise(label)} is te lang (hoogstens ${max} tekens).`,
  /** Names the kind of character, so the user knows what to remove (it is invisible on screen). */
  forbiddenCharacter: (label: string) =>
    `${capitalise(label)} bevat een onzichtbaar stuurteken of een teken dat de schrijfrichting omkeert (bijvoorbeeld uit gekopieerde tekst). Typ de tekst opnieuw of verwijder dat teken.`,
  lineBreak: (label: string) => `${capitalise(label)} moet op één regel staan (zonder regeleinde of tab).`,
} as const;
