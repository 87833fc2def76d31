// The picture of the absence as inline SVG for the HTML dossier: the same calendar heat map as the
// terminal's (ui/print/absence-picture.ts) — weeks as rows, school days as columns, shades for the
// hours, v / F on holidays and public holidays, a purple frame around the days of a counted period,
// a ! on its einddatum, a legend. No script, no link, nothing about the student but the school's
// number; every text escaped, so the page stays well-formed XML. Prints in black and white: the
// letters and frames carry the meaning, the shades only add to it.
import type { AbsencePicture, PictureDay } from '../../core/absence/absence-picture.js';
import type { PeriodKind } from '../../core/absence/period.js';
import type { PictureMessages } from '../messages/absence-picture.js';
import { humanDate } from '../human-date.js';

const SHADE = ['#f2f2f2', '#fcd9b6', '#f7a35c', '#e0601b', '#9c2f05'] as const;
const CELL = 26;
const ROW = 18;
const LABEL = 78;
const TOP = 22;

const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function cellSvg(day: PictureDay, x: number, y: number): string {
  if (day.kind === 'outside') return '';
  const fill = day.kind === 'school' ? SHADE[day.level] : '#dde6ef';
  const parts = [`<rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${ROW - 2}" fill="${fill}"/>`];
  const letter = day.kind === 'holiday' ? 'v' : day.kind === 'public-holiday' ? 'F' : day.level === 0 && day.sick ? 'z' : '';
  if (letter) parts.push(`<text x="${x + CELL / 2}" y="${y + ROW - 5}" text-anchor="middle" class="l">${letter}</text>`);
  if (day.period >= 0) parts.push(`<rect x="${x + 0.5}" y="${y + 0.5}" width="${CELL - 1}" height="${ROW - 1}" fill="none" stroke="#6a1b9a" stroke-width="1.5"/>`);
  if (day.einddatum) parts.push(`<text x="${x + CELL - 4}" y="${y + ROW - 5}" text-anchor="middle" class="e">!</text>`);
  return parts.join('');
}

function levelText(pm: PictureMessages, level: number, perDay: number): string {
  const from = level === 1 ? 1 : Math.floor(((level - 1) / 4) * perDay) + 1;
  const to = Math.max(from, Math.floor((level / 4) * perDay));
  return pm.hours(from, to);
}

export function absenceSvg(p: AbsencePicture, pm: PictureMessages, periodNames: Record<PeriodKind, string>): string {
  const gridBottom = TOP + p.weeks.length * ROW;
  const notesX = LABEL + 5 * CELL + 10;
  const out: string[] = [];
  pm.weekdays.forEach((d, i) => out.push(`<text x="${LABEL + i * CELL + CELL / 2}" y="${TOP - 6}" text-anchor="middle" class="h">${esc(d)}</text>`));
  p.weeks.forEach((w, r) => {
    const y = TOP + r * ROW;
    out.push(`<text x="0" y="${y + ROW - 5}" class="w">${esc(humanDate(w.monday))}</text>`);
    w.days.forEach((d, i) => out.push(cellSvg(d, LABEL + i * CELL, y)));
    const notes = w.days.flatMap((d) => p.periods.filter((x) => x.to === d.date).map((x) => `${periodNames[x.kind]} ${humanDate(x.from).slice(0, 5)}–${humanDate(x.to).slice(0, 5)}`));
    if (notes.length > 0) out.push(`<text x="${notesX}" y="${y + ROW - 5}" class="n">◂ ${esc(notes.join('; '))}</text>`);
  });
  // The legend: a swatch and its words, two columns.
  const legend: { fill: string; letter?: string; frame?: boolean; bang?: boolean; text: string }[] = [
    { fill: SHADE[0], text: pm.none },
    ...[1, 2, 3, 4].map((l) => ({ fill: SHADE[l]!, text: levelText(pm, l, p.perDay) })),
    { fill: SHADE[0], letter: 'z', text: pm.sick },
    { fill: '#dde6ef', letter: 'v', text: pm.holiday },
    { fill: '#dde6ef', letter: 'F', text: pm.publicHoliday },
    { fill: SHADE[3], frame: true, text: pm.inPeriod },
    { fill: SHADE[3], frame: true, bang: true, text: pm.einddatum },
  ];
  const legendTop = gridBottom + 22;
  out.push(`<text x="0" y="${legendTop}" class="h">${esc(pm.legendTitle)}</text>`);
  legend.forEach((item, i) => {
    const x = (i % 2) * 260;
    const y = legendTop + 8 + Math.floor(i / 2) * ROW;
    out.push(cellSvg({ date: '', kind: item.letter === 'v' ? 'holiday' : item.letter === 'F' ? 'public-holiday' : 'school', hours: 0, level: (SHADE as readonly string[]).indexOf(item.fill) as PictureDay['level'], sick: item.letter === 'z', period: item.frame ? 0 : -1, einddatum: item.bang === true }, x, y));
    out.push(`<text x="${x + CELL + 6}" y="${y + ROW - 5}" class="n">${esc(item.text)}</text>`);
  });
  const height = legendTop + 8 + Math.ceil(legend.length / 2) * ROW + 4;
  const width = 720;
  const title = p.estimated ? pm.titleEstimated(p.studentRef) : pm.title(p.studentRef, String(Math.round(p.totalHours * 10) / 10));
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="absence">
<title>${esc(title)}</title>
<style>text { font: 11px system-ui, sans-serif; fill: #1a1a1a; } .h { font-weight: 600; } .w, .n { fill: #333; } .l { font-size: 10px; fill: #333; } .e { font-weight: 700; fill: #000; }</style>
${out.join('\n')}
</svg>`;
}
