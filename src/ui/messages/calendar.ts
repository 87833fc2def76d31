// The words about calendars, in Dutch and English: the notice that the Rijksoverheid dates are an
// advice (every vacation but the kerst- and zomervakantie), the shipped holidays and what is assumed
// about them, why a file cannot be used, and the words of `zorgroute calendar show|init|check`.
// Each sentence is a line of its own under 80 columns; the vacations are listed one per line.
import type { CalendarWarning } from '../../core/calendar/calendar-check.js';
import type { OpenDataProblem } from '../../core/calendar/open-data.js';
import type { CalendarProblem, Holiday } from '../../core/calendar/school-calendar.js';
import type { SchoolYearSpan } from '../../core/calendar/school-years.js';
import type { RunProblem } from '../../core/absence/problems.js';
import type { Lang } from '../../core/routing/compile.js';
import { humanDate, weekdayDate } from '../human-date.js';
import { CALENDAR_UI_EN, CALENDAR_UI_NL, WEEKDAYS_EN, WEEKDAYS_NL, type CalendarUiWords } from './calendar/commands.js';

type NotShipped = Extract<RunProblem, { kind: 'school-year-not-shipped' }>;

export interface CalendarMessages {
  /** The notice for a run over the open data: lines, the first one follows `zorgroute: warning: `. */
  advice(file: string, region: string, advice: readonly Holiday[]): string[];
  /** The summary's line naming the source. */
  source(file: string, region: string | undefined, shippedYears?: readonly string[]): string;
  openData(file: string, p: OpenDataProblem): { message: string; details: string[]; hint: string };
  /** The notice for a run over the shipped holidays: lines, the first one follows `zorgroute: warning: `. */
  shipped(file: string, region: string, years: readonly SchoolYearSpan[], advice: readonly Holiday[]): string[];
  /** The summary's lines when a school's own calendar parts ways with its region's advice. */
  differs(region: string, warnings: readonly CalendarWarning[]): string[];
  notShipped(p: NotShipped): { message: string; details: string[]; hint: string };
  regionMissing: { message: string; hint: string };
  calendarProblem(p: CalendarProblem): string;
  warning(w: CalendarWarning): string;
  ui: CalendarUiWords;
}


const range = (h: { from: string; to: string }, through: string): string => `${humanDate(h.from)} ${through} ${humanDate(h.to)}`;

function listed(advice: readonly Holiday[], through: string): string[] {
  return advice.map((h) => `    ${h.name}: ${range(h, through)}`);
}

// The whole address is 87 characters, wider than a terminal: the host and the tail, and the README has it whole.
const DOWNLOAD = 'opendata.rijksoverheid.nl …/infotypes/schoolholidays?output=json';

const nl: CalendarMessages = {
  ui: CALENDAR_UI_NL,
  advice: (file, region, advice) => [
    `kalender = advies van de Rijksoverheid (regio ${region})`,
    `  bron: open data schoolvakanties, ${file}`,
    ...(advice.length === 0
      ? ['  Geen vakantie in deze periode is als advies gemarkeerd.']
      : ['  Deze vakanties zijn alleen een advies (compulsorydates "false"): de school', '  kan andere weken kiezen, en eigen studiedagen staan er niet in:', ...listed(advice, 't/m')]),
    '  De wet telt met de kalender van de school zelf: geef die met',
    '  --calendar KALENDER.json (zonder --region; zie de README).',
  ],
  source: (file, region, years) =>
    years !== undefined
      ? `  bron: ${file} (meegeleverd: advies Rijksoverheid, regio ${region}, ${years.join(', ')})`
      : region === undefined
        ? `  bron: ${file} (kalender van de school)`
        : `  bron: ${file} (open data Rijksoverheid: advies, regio ${region})`,
  openData(file, p) {
    switch (p.kind) {
      case 'open-data-xml':
        return { message: `${file} is XML; zorgroute leest de open data als JSON`, details: [], hint: `download met ?output=json (${DOWNLOAD}; zie de README), of geef de kalender van de school` };
      case 'open-data-region-missing':
        return {
          message: `${file} noemt regio ${p.region} nergens (wel: ${p.regions.join(', ') || 'geen enkele regio'})`,
          details: [],
          hint: `download de hele lijst (${DOWNLOAD}; zie de README) of geef --region met een regio uit het bestand`,
        };
      case 'open-data-no-span':
        return {
          message: `${file} dekt geen heel schooljaar voor regio ${p.region} (schooljaren in het bestand: ${p.years.join(', ') || 'geen'}): de open data noemen vakanties, niet de eerste schooldag`,
          details: [],
          hint: `download de hele lijst (${DOWNLOAD}; zie de README) of twee schooljaren na elkaar, of geef de kalender van de school`,
        };
      case 'open-data-range-reversed':
        return { message: `${file}: ${p.name} (regio ${p.region}) begint ${humanDate(p.from)}, na het einde ${humanDate(p.to)}`, details: [], hint: 'download het bestand opnieuw, of geef de kalender van de school' };
    }
  },
  shipped: (file, region, years, advice) => [
    `kalender = advies Rijksoverheid (regio ${region}), meegeleverd`,
    `  bron: ${file}`,
    ...(advice.length === 0 ? [] : ['  Deze vakanties zijn alleen een advies: de school kan andere weken kiezen,', '  en eigen studiedagen staan er niet in:', ...listed(advice, 't/m')]),
    '  Aangenomen (niet in de open data): eerste schooldag = maandag na de',
    '  zomervakantie, laatste = vrijdag ervoor:',
    ...years.map((y) => `    ${y.schoolYear}: ${humanDate(y.firstSchoolDay)} t/m ${humanDate(y.lastSchoolDay)}`),
    '  De wet telt met de kalender van de school zelf: geef die met',
    '  --calendar KALENDER.json (maak er een met zorgroute calendar init).',
  ],
  differs: (region, warnings) => [
    `  wijkt af van het advies (regio ${region}); de kalender van de school telt:`,
    ...warnings.map((w) => (w.kind === 'differs-from-advice' ? `    ${w.name} ${w.schoolYear}: advies ${range(w, 't/m')}` : '')).filter((l) => l !== ''),
  ],
  notShipped: (p) => ({
    message: `${p.file} regel ${p.line}: ${p.where === 'peildatum' ? 'peildatum' : 'registratie op'} ${humanDate(p.date)} valt in schooljaar ${p.schoolYear}; zorgroute levert de schoolvakanties (regio ${p.region}) van ${p.shipped.join(', ')}`,
    details: [],
    hint: 'geef de kalender van de school met --calendar KALENDER.json (maak er een met zorgroute calendar init --school-year JJJJ-JJJJ en vul hem aan)',
  }),
  regionMissing: {
    message: 'batch --registrations heeft een schoolkalender nodig: zonder --calendar de vakantieregio',
    hint: 'geef --region noord|midden|zuid (de meegeleverde vakanties van de Rijksoverheid; Groningen is noord), zet "region" in de regelset, of geef --calendar KALENDER.json',
  },
  calendarProblem: (x) => {
    switch (x.kind) {
      case 'span-reversed':
        return `from ${x.from} ligt na to ${x.to}`;
      case 'holiday-reversed':
        return `vakantie "${x.name}": from ${x.from} ligt na to ${x.to}`;
      case 'lestijd-reversed':
        return `lestijden: lesuur ${x.lesuur} eindigt (${x.to}) niet na het begin (${x.from})`;
      case 'lestijd-duplicate':
        return `lestijden: lesuur ${x.lesuur} staat er twee keer in`;
      case 'lestijden-overlap':
        return `lestijden: lesuur ${x.lesuur} en lesuur ${x.other} overlappen`;
    }
  },
  warning: (w) => {
    switch (w.kind) {
      case 'differs-from-advice':
        return `${w.name} ${w.schoolYear} wijkt af van het advies voor regio ${w.region} (${range(w, 't/m')})`;
      case 'zomervakantie-missing':
        return w.from !== undefined ? `de zomervakantie (${range({ from: w.from, to: w.to! }, 't/m')}, regio ${w.region}) ontbreekt of is korter` : 'er staat geen zomervakantie in, maar de kalender loopt door de zomer';
      case 'study-day-weekend':
        return `studiedag ${weekdayDate(WEEKDAYS_NL, w.date)} valt in het weekend`;
      case 'study-day-in-holiday':
        return `studiedag ${humanDate(w.date)} valt in ${w.holiday}`;
      case 'study-day-outside':
        return `studiedag ${humanDate(w.date)} valt buiten from–to van de kalender`;
      case 'ranges-overlap':
        return `"${w.first}" en "${w.second}" overlappen`;
      case 'lestijden-count':
        return `${w.lestijden} lestijden, maar lessonsPerDay.lesuren is ${w.lesuren}`;
    }
  },

};

const en: CalendarMessages = {
  ui: CALENDAR_UI_EN,
  advice: (file, region, advice) => [
    `the calendar is the Rijksoverheid advice (region ${region})`,
    `  source: open data schoolvakanties, ${file}`,
    ...(advice.length === 0
      ? ['  No holiday in this span is marked as advice.']
      : ['  These holidays are an advice only (compulsorydates "false"): the school', '  may choose other weeks, and its own study days are not in it:', ...listed(advice, 'to')]),
    "  The law counts by the school's own calendar: give it with",
    '  --calendar CALENDAR.json (without --region; see the README).',
  ],
  source: (file, region, years) =>
    years !== undefined
      ? `  source: ${file} (shipped: Rijksoverheid advice, region ${region}, ${years.join(', ')})`
      : region === undefined
        ? `  source: ${file} (the school's calendar)`
        : `  source: ${file} (Rijksoverheid open data: advice, region ${region})`,
  openData(file, p) {
    switch (p.kind) {
      case 'open-data-xml':
        return { message: `${file} is XML; zorgroute reads the open data as JSON`, details: [], hint: `download with ?output=json (${DOWNLOAD}; see the README), or give the school's calendar` };
      case 'open-data-region-missing':
        return {
          message: `${file} does not name region ${p.region} (it has: ${p.regions.join(', ') || 'no region at all'})`,
          details: [],
          hint: `download the full list (${DOWNLOAD}; see the README) or give --region with a region in the file`,
        };
      case 'open-data-no-span':
        return {
          message: `${file} covers no whole school year for region ${p.region} (school years in the file: ${p.years.join(', ') || 'none'}): the open data list holidays, not the first school day`,
          details: [],
          hint: `download the full list (${DOWNLOAD}; see the README) or two consecutive school years, or give the school's calendar`,
        };
      case 'open-data-range-reversed':
        return { message: `${file}: ${p.name} (region ${p.region}) starts ${humanDate(p.from)}, after its end ${humanDate(p.to)}`, details: [], hint: "download the file again, or give the school's calendar" };
    }
  },
  shipped: (file, region, years, advice) => [
    `calendar = shipped Rijksoverheid advice (region ${region})`,
    `  source: ${file}`,
    ...(advice.length === 0 ? [] : ['  These holidays are an advice only: the school may choose other weeks,', '  and its own study days are not in it:', ...listed(advice, 'to')]),
    '  Assumed (not in the open data): first school day = the Monday after the',
    '  zomervakantie, last = the Friday before it:',
    ...years.map((y) => `    ${y.schoolYear}: ${humanDate(y.firstSchoolDay)} to ${humanDate(y.lastSchoolDay)}`),
    "  The law counts by the school's own calendar: give it with",
    '  --calendar CALENDAR.json (make one with zorgroute calendar init).',
  ],
  differs: (region, warnings) => [
    `  differs from the advice (region ${region}); the school's calendar counts:`,
    ...warnings.map((w) => (w.kind === 'differs-from-advice' ? `    ${w.name} ${w.schoolYear}: advice ${range(w, 'to')}` : '')).filter((l) => l !== ''),
  ],
  notShipped: (p) => ({
    message: `${p.file} line ${p.line}: ${p.where === 'peildatum' ? 'reference date' : 'registration on'} ${humanDate(p.date)} is in school year ${p.schoolYear}; zorgroute ships the school holidays (region ${p.region}) of ${p.shipped.join(', ')}`,
    details: [],
    hint: "give the school's calendar with --calendar CALENDAR.json (make one with zorgroute calendar init --school-year YYYY-YYYY and complete it)",
  }),
  regionMissing: {
    message: 'batch --registrations needs a school calendar: without --calendar, the holiday region',
    hint: 'give --region noord|midden|zuid (the shipped Rijksoverheid holidays; Groningen is noord), set "region" in the rule set, or give --calendar CALENDAR.json',
  },
  calendarProblem: (x) => {
    switch (x.kind) {
      case 'span-reversed':
        return `from ${x.from} is after to ${x.to}`;
      case 'holiday-reversed':
        return `holiday "${x.name}": from ${x.from} is after to ${x.to}`;
      case 'lestijd-reversed':
        return `lestijden: lesuur ${x.lesuur} does not end (${x.to}) after it begins (${x.from})`;
      case 'lestijd-duplicate':
        return `lestijden: lesuur ${x.lesuur} is there twice`;
      case 'lestijden-overlap':
        return `lestijden: lesuur ${x.lesuur} and lesuur ${x.other} overlap`;
    }
  },
  warning: (w) => {
    switch (w.kind) {
      case 'differs-from-advice':
        return `${w.name} ${w.schoolYear} differs from the advice for region ${w.region} (${range(w, 'to')})`;
      case 'zomervakantie-missing':
        return w.from !== undefined ? `the zomervakantie (${range({ from: w.from, to: w.to! }, 'to')}, region ${w.region}) is missing or shorter` : 'there is no zomervakantie, but the calendar runs through the summer';
      case 'study-day-weekend':
        return `study day ${weekdayDate(WEEKDAYS_EN, w.date)} is in a weekend`;
      case 'study-day-in-holiday':
        return `study day ${humanDate(w.date)} is in ${w.holiday}`;
      case 'study-day-outside':
        return `study day ${humanDate(w.date)} is outside the calendar's from–to`;
      case 'ranges-overlap':
        return `"${w.first}" and "${w.second}" overlap`;
      case 'lestijden-count':
        return `${w.lestijden} lestijden, but lessonsPerDay.lesuren is ${w.lesuren}`;
    }
  },

};

export function calendarMessagesFor(lang: Lang): CalendarMessages {
  return lang === 'en' ? en : nl;
}
