// The picture of a student's absence in the terminal: a calendar heat map, a week per row and a
// school day per column. Characters carry the meaning (shades for the hours, v for a holiday, F for
// a public holiday, z for a sick report, [ ] around the days of a counted period, ! closing its
// einddatum), so it reads the same without colour (not a terminal, NO_COLOR); colour only adds to it.
// At most 18 + 5×4 + 2 + a note: fits 80 columns; the period notes wrap under themselves.
import type { AbsencePicture, PictureDay } from '../../core/absence/absence-picture.js';
import type { PeriodKind } from '../../core/absence/period.js';
import type { PictureMessages } from '../messages/absence-picture.js';
import { humanDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import type { Style } from '../style.js';

/** A row's width before its note: the week's Monday and five cells of four. */
const ROW = 12 + 5 * 4;

export const SHADES = ['·', '░', '▒', '▓', '█'] as const;

function levelRange(level: number, perDay: number): [number, number] {
  const from = level === 1 ? 1 : Math.floor(((level - 1) / 4) * perDay) + 1;
  const to = Math.floor((level / 4) * perDay);
  return [from, Math.max(from, to)];
}

function glyph(day: PictureDay): string {
  if (day.kind === 'outside') return ' ';
  if (day.kind === 'holiday') return 'v';
  if (day.kind === 'public-holiday') return 'F';
  if (day.level === 0 && day.sick) return 'z';
  return SHADES[day.level];
}

function cell(style: Style, day: PictureDay): string {
  const c = style.color;
  const g = glyph(day);
  const shade = day.kind !== 'school' ? c.dim(g) : day.level >= 3 ? c.red.bold(g) : day.level > 0 ? c.yellow(g) : day.sick ? c.cyan(g) : c.dim(g);
  const inside = day.period >= 0;
  const left = inside ? c.magenta('[') : ' ';
  const right = day.einddatum ? c.magenta.bold('!') : inside ? c.magenta(']') : ' ';
  return `${left}${shade}${shade}${right}`;
}

export function formatAbsencePicture(style: Style, pm: PictureMessages, periodNames: Record<PeriodKind, string>, p: AbsencePicture): string {
  const c = style.color;
  const out: string[] = [...wrapLines(c.bold((p.estimated ? pm.titleEstimated(p.studentRef) : pm.title(p.studentRef, String(Math.round(p.totalHours * 10) / 10)))), style.width), ''];
  out.push(`${pm.week.padEnd(12)}${pm.weekdays.map((d) => ` ${d} `).join('')}`);
  for (const w of p.weeks) {
    const notes = w.days.filter((d) => d.einddatum).flatMap((d) => p.periods.filter((x) => x.to === d.date).map((x) => `${periodNames[x.kind]} ${humanDate(x.from).slice(0, 5)}–${humanDate(x.to).slice(0, 5)}`));
    const row = `${humanDate(w.monday).padEnd(12)}${w.days.map((d) => cell(style, d)).join('')}`;
    if (notes.length === 0) {
      out.push(row);
      continue;
    }
    // The notes wrap in their own column, so that the weeks below stay in line (80 columns at most).
    const lines = wrapLines(`◂ ${notes.join('; ')}`, (style.width ?? 80) - ROW - 2, '', '  ');
    out.push(`${row}  ${c.magenta(lines[0]!)}`, ...lines.slice(1).map((l) => `${' '.repeat(ROW + 2)}${c.magenta(l)}`));
  }
  const legend = [
    `${SHADES[0]} ${pm.none}`,
    ...[1, 2, 3, 4].map((l) => `${SHADES[l]} ${pm.hours(...levelRange(l, p.perDay))}`),
    `z ${pm.sick}`,
    `v ${pm.holiday}`,
    `F ${pm.publicHoliday}`,
    `[x] ${pm.inPeriod}`,
    `[x! ${pm.einddatum}`,
  ];
  // The legend's items are never split: a line takes as many whole items as fit.
  const width = Math.min(style.width ?? 80, 80);
  const legendLines: string[] = [`${pm.legendTitle}:`];
  for (const item of legend) {
    const last = legendLines[legendLines.length - 1]!;
    if (last.length + 3 + item.length <= width) legendLines[legendLines.length - 1] = last.endsWith(':') ? `${last} ${item}` : `${last} · ${item}`;
    else legendLines.push(`  ${item}`);
  }
  out.push('', c.bold(legendLines[0]!.slice(0, pm.legendTitle.length + 1)) + legendLines[0]!.slice(pm.legendTitle.length + 1), ...legendLines.slice(1));
  out.push('', c.bold(`${pm.periodsTitle}:`));
  if (p.periods.length === 0) out.push(`  ${pm.noPeriods}`);
  for (const x of p.periods) out.push(...wrapLines(pm.periodLine(periodNames[x.kind], humanDate(x.from), humanDate(x.to)), style.width, '  • ', '    '));
  return out.join('\n');
}
