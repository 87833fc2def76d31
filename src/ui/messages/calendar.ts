// The words about a calendar from the Rijksoverheid open data, in Dutch and English: the notice that
// its dates are an advice (every vacation but the zomervakantie), and why a file cannot be used.
// Each sentence is a line of its own under 80 columns; the vacations are listed one per line.
import type { OpenDataProblem } from '../../core/calendar/open-data.js';
import type { Holiday } from '../../core/calendar/school-calendar.js';
import type { Lang } from '../../core/routing/compile.js';
import { humanDate } from '../human-date.js';

export interface CalendarMessages {
  /** The notice for a run over the open data: lines, the first one follows `zorgroute: warning: `. */
  advice(file: string, region: string, advice: readonly Holiday[]): string[];
  /** The summary's line naming the source. */
  source(file: string, region: string | undefined): string;
  openData(file: string, p: OpenDataProblem): { message: string; details: string[]; hint: string };
}

const range = (h: Holiday, through: string): string => `${humanDate(h.from)} ${through} ${humanDate(h.to)}`;

function listed(advice: readonly Holiday[], through: string): string[] {
  return advice.map((h) => `    ${h.name}: ${range(h, through)}`);
}

// The whole address is 87 characters, wider than a terminal: the host and the tail, and the README has it whole.
const DOWNLOAD = 'opendata.rijksoverheid.nl …/infotypes/schoolholidays?output=json';

const nl: CalendarMessages = {
  advice: (file, region, advice) => [
    `kalender = advies van de Rijksoverheid (regio ${region})`,
    `  bron: open data schoolvakanties, ${file}`,
    ...(advice.length === 0
      ? ['  Geen vakantie in deze periode is als advies gemarkeerd.']
      : ['  Deze vakanties zijn alleen een advies (compulsorydates "false"): de school', '  kan andere weken kiezen, en eigen studiedagen staan er niet in:', ...listed(advice, 't/m')]),
    '  De wet telt met de kalender van de school zelf: geef die met',
    '  --calendar KALENDER.json (zonder --region; zie de README).',
  ],
  source: (file, region) => (region === undefined ? `  bron: ${file} (kalender van de school)` : `  bron: ${file} (open data Rijksoverheid: advies, regio ${region})`),
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
};

const en: CalendarMessages = {
  advice: (file, region, advice) => [
    `the calendar is the Rijksoverheid advice (region ${region})`,
    `  source: open data schoolvakanties, ${file}`,
    ...(advice.length === 0
      ? ['  No holiday in this span is marked as advice.']
      : ['  These holidays are an advice only (compulsorydates "false"): the school', '  may choose other weeks, and its own study days are not in it:', ...listed(advice, 'to')]),
    "  The law counts by the school's own calendar: give it with",
    '  --calendar CALENDAR.json (without --region; see the README).',
  ],
  source: (file, region) => (region === undefined ? `  source: ${file} (the school's calendar)` : `  source: ${file} (Rijksoverheid open data: advice, region ${region})`),
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
};

export function calendarMessagesFor(lang: Lang): CalendarMessages {
  return lang === 'en' ? en : nl;
}
