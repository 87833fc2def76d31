// The words of the picture of a student's absence (`batch --registrations --student`, the dossier), in Dutch and English.
import type { Lang } from '../../core/routing/compile.js';

export interface PictureMessages {
  heading: string;
  title: (studentRef: string, hours: string) => string;
  titleEstimated: (studentRef: string) => string;
  weekdays: readonly string[];
  week: string;
  legendTitle: string;
  hours: (from: number, to: number) => string;
  none: string;
  sick: string;
  holiday: string;
  publicHoliday: string;
  inPeriod: string;
  einddatum: string;
  periodsTitle: string;
  periodLine: (kind: string, from: string, to: string) => string;
  noPeriods: string;
  notFound: (studentRef: string) => string;
}

const nl: PictureMessages = {
  heading: 'Verzuim in beeld',
  title: (s, h) => `Verzuim van ${s} per schooldag (ongeoorloofde uren; totaal ${h})`,
  titleEstimated: (s) => `Verzuim van ${s} in de getelde periodes (ongeoorloofde uren per dag, gemiddeld over de periode; vakanties staan niet in het logboek)`,
  weekdays: ['ma', 'di', 'wo', 'do', 'vr'],
  week: 'week van',
  legendTitle: 'Legenda',
  hours: (a, b) => (a === b ? `${a} uur` : `${a}–${b} uur`),
  none: 'geen',
  sick: 'ziek gemeld',
  holiday: 'vakantie',
  publicHoliday: 'feestdag',
  inPeriod: 'geteld in een periode',
  einddatum: 'einddatum van een periode',
  periodsTitle: 'Getelde periodes',
  periodLine: (k, f, t) => `${k}: ${f} t/m ${t} (einddatum ${t})`,
  noPeriods: 'Geen getelde periodes.',
  notFound: (s) => `Leerling ${s} staat niet in het leerlingenbestand; geen overzicht getekend.`,
};

const en: PictureMessages = {
  heading: 'The absence in a picture',
  title: (s, h) => `Absence of ${s} per school day (unexcused hours; total ${h})`,
  titleEstimated: (s) => `Absence of ${s} in the counted periods (unexcused hours per day, averaged over the period; holidays are not in the log)`,
  weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr'],
  week: 'week of',
  legendTitle: 'Legend',
  hours: (a, b) => (a === b ? `${a} h` : `${a}–${b} h`),
  none: 'none',
  sick: 'reported sick',
  holiday: 'holiday',
  publicHoliday: 'public holiday',
  inPeriod: 'counted in a period',
  einddatum: 'einddatum (end) of a period',
  periodsTitle: 'Counted periods',
  periodLine: (k, f, t) => `${k}: ${f} to ${t} (einddatum ${t})`,
  noPeriods: 'No counted periods.',
  notFound: (s) => `Student ${s} is not in the students file; no picture drawn.`,
};

export function pictureMessagesFor(lang: Lang): PictureMessages {
  return lang === 'en' ? en : nl;
}
