// The fields a registrations export can feed (a module of its own: the reader, the column maps and
// the guesser of a missing column all name them).
export const REGISTRATION_FIELDS = ['leerlingnummer', 'datum', 'lesuur', 'code', 'einddatum', 'begintijd', 'eindtijd', 'minuten', 'geoorloofd', 'eindlesuur', 'begin', 'eind'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
