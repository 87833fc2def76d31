// The words of `zorgroute calendar show|init|check` in Dutch and English (headings, labels, the
// verdict of a check, what init asks the school to edit, and why a command cannot run).

/** The words of `zorgroute calendar show|init|check`. */
export interface CalendarUiWords {
  weekdays: readonly string[];
  months: readonly string[];
  title(schoolYear: string, region: string | undefined): string;
  schoolTitle(name: string): string;
  source: string;
  advice: string;
  compulsory: string;
  firstDay: string;
  lastDay: string;
  assumedFirst: string;
  assumedLast: string;
  holidays: string;
  studyDays: string;
  publicHolidays: string;
  publicHoliday: Record<string, string>;
  month: string;
  schoolDays: string;
  lesweken: string;
  total: string;
  through: string;
  checkOk(file: string): string;
  checkWarnings(file: string, n: number): string;
  checkErrors(file: string, n: number): string;
  initWritten(file: string): string;
  initEdit: string[];
  regionNeeded: { message: string; hint: string };
  yearNotShipped(schoolYear: string, shipped: readonly string[]): { message: string; hint: string };
  badSchoolYear(text: string): { message: string; hint: string };
  outExists(file: string): { message: string; hint: string };
  outUnwritable(file: string, reason: string): { message: string; hint: string };
  openDataFile(file: string): { message: string; hint: string };
}

export const WEEKDAYS_NL = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The days of the Algemene termijnenwet art. 3, by the id io/calendar/public-holidays.ts gives them. */
const PUBLIC_NL: Record<string, string> = {
  nieuwjaarsdag: 'Nieuwjaarsdag',
  'goede-vrijdag': 'Goede Vrijdag',
  'tweede-paasdag': 'tweede Paasdag',
  koningsdag: 'Koningsdag',
  'vijf-mei': 'Bevrijdingsdag (5 mei)',
  hemelvaartsdag: 'Hemelvaartsdag',
  'tweede-pinksterdag': 'tweede Pinksterdag',
  'eerste-kerstdag': 'eerste Kerstdag',
  'tweede-kerstdag': 'tweede Kerstdag',
};
const PUBLIC_EN: Record<string, string> = {
  nieuwjaarsdag: "New Year's Day",
  'goede-vrijdag': 'Good Friday',
  'tweede-paasdag': 'Easter Monday',
  koningsdag: "King's Day",
  'vijf-mei': 'Liberation Day (5 May)',
  hemelvaartsdag: 'Ascension Day',
  'tweede-pinksterdag': 'Whit Monday',
  'eerste-kerstdag': 'Christmas Day',
  'tweede-kerstdag': 'Boxing Day',
};

export const CALENDAR_UI_NL: CalendarUiWords = {
  weekdays: WEEKDAYS_NL,
  months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  title: (y, region) => `Schooljaar ${y}${region ? ` — regio ${region} (advies Rijksoverheid)` : ''}`,
  schoolTitle: (name) => `Kalender: ${name}`,
  source: 'bron',
  advice: 'advies',
  compulsory: 'verplicht',
  firstDay: 'eerste schooldag',
  lastDay: 'laatste schooldag',
  assumedFirst: 'aangenomen: maandag na de zomervakantie',
  assumedLast: 'aangenomen: vrijdag voor de zomervakantie',
  holidays: 'Vakanties',
  studyDays: 'Studiedagen',
  publicHolidays: 'Feestdagen (geen schooldag)',
  publicHoliday: PUBLIC_NL,
  month: 'maand',
  schoolDays: 'schooldagen',
  lesweken: 'lesweken',
  total: 'totaal',
  through: 't/m',
  checkOk: (file) => `${file}: in orde`,
  checkWarnings: (file, n) => `${file}: bruikbaar, ${n === 1 ? '1 waarschuwing' : `${n} waarschuwingen`}`,
  checkErrors: (file, n) => `${file}: niet bruikbaar, ${n === 1 ? '1 fout' : `${n} fouten`}`,
  initWritten: (file) => `kalender geschreven naar ${file}`,
  initEdit: [
    'Pas hem aan voor de school: de eerste en laatste schooldag (aangenomen:',
    'maandag na en vrijdag voor de zomervakantie), de vakanties die de school',
    'koos, de studiedagen (studyDays) en de lestijden (een voorbeeld).',
    'Controleer hem daarna met: zorgroute calendar check KALENDER.json',
  ],
  regionNeeded: { message: 'welke vakantieregio?', hint: 'geef --region noord|midden|zuid (Groningen is noord), of zet "region" in de regelset' },
  yearNotShipped: (y, shipped) => ({ message: `zorgroute levert geen schoolvakanties voor ${y} (wel: ${shipped.join(', ')})`, hint: 'kies --school-year uit die jaren, of maak de kalender van de school zelf (zie docs/reference/calendar.md)' }),
  badSchoolYear: (text) => ({ message: `--school-year ${text} is geen schooljaar`, hint: 'schrijf het als 2026-2027' }),
  outExists: (file) => ({ message: `${file} bestaat al`, hint: 'kies een andere naam bij --out, of haal het bestand eerst weg' }),
  outUnwritable: (file, reason) => ({ message: `kan ${file} niet schrijven: ${reason}`, hint: 'kies bij --out een map waarin u mag schrijven' }),
  openDataFile: (file) => ({ message: `${file} is de open data "schoolvakanties", geen kalender van een school`, hint: 'zonder BESTAND toont calendar show de meegeleverde vakanties (--region); calendar init maakt een kalender voor de school' }),
};

export const CALENDAR_UI_EN: CalendarUiWords = {
  weekdays: WEEKDAYS_EN,
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  title: (y, region) => `School year ${y}${region ? ` — region ${region} (Rijksoverheid advice)` : ''}`,
  schoolTitle: (name) => `Calendar: ${name}`,
  source: 'source',
  advice: 'advice',
  compulsory: 'compulsory',
  firstDay: 'first school day',
  lastDay: 'last school day',
  assumedFirst: 'assumed: the Monday after the zomervakantie',
  assumedLast: 'assumed: the Friday before the zomervakantie',
  holidays: 'Holidays',
  studyDays: 'Study days',
  publicHolidays: 'Public holidays (no school day)',
  publicHoliday: PUBLIC_EN,
  month: 'month',
  schoolDays: 'school days',
  lesweken: 'lesweken',
  total: 'total',
  through: 'to',
  checkOk: (file) => `${file}: fine`,
  checkWarnings: (file, n) => `${file}: usable, ${n === 1 ? '1 warning' : `${n} warnings`}`,
  checkErrors: (file, n) => `${file}: not usable, ${n === 1 ? '1 error' : `${n} errors`}`,
  initWritten: (file) => `calendar written to ${file}`,
  initEdit: [
    "Edit it for the school: the first and last school day (assumed: the",
    'Monday after and the Friday before the zomervakantie), the holidays the',
    'school chose, the study days (studyDays) and the lestijden (an example).',
    'Then check it with: zorgroute calendar check CALENDAR.json',
  ],
  regionNeeded: { message: 'which holiday region?', hint: 'give --region noord|midden|zuid (Groningen is noord), or set "region" in the rule set' },
  yearNotShipped: (y, shipped) => ({ message: `zorgroute ships no school holidays for ${y} (it has: ${shipped.join(', ')})`, hint: "choose --school-year from those years, or make the school's own calendar (see docs/reference/calendar.md)" }),
  badSchoolYear: (text) => ({ message: `--school-year ${text} is not a school year`, hint: 'write it as 2026-2027' }),
  outExists: (file) => ({ message: `${file} already exists`, hint: 'choose another name for --out, or remove the file first' }),
  outUnwritable: (file, reason) => ({ message: `cannot write ${file}: ${reason}`, hint: 'give --out a folder you may write in' }),
  openDataFile: (file) => ({ message: `${file} is the open data "schoolvakanties", not a school's calendar`, hint: "without FILE calendar show shows the shipped holidays (--region); calendar init makes a school's calendar" }),
};
