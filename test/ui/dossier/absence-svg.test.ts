// The dossier's picture of the absence (issue 17, item 19): inline SVG that is well-formed XML, has
// no script or link, and holds nothing about the student but the school's number.
import { describe, expect, it } from 'vitest';
import { absencePicture, pictureFromPeriods } from '../../../src/core/absence/absence-picture.js';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { StudentAbsence } from '../../../src/core/absence/student-absence.js';
import { absenceSvg } from '../../../src/ui/dossier/absence-svg.js';
import { pictureMessagesFor } from '../../../src/ui/messages/absence-picture.js';
import { absenceMessagesFor } from '../../../src/ui/messages/absence.js';

/** A small XML well-formedness check: every tag closed in order, attributes quoted, entities known, one root. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[0] === '<' || m[0] === '&') {
      problems.push(`stray ${m[0]} at ${m.index}: ${text.slice(m.index, m.index + 30)}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} roots`);
  return problems;
}

const calendar = (() => {
  const made = SchoolCalendar.make({ name: 'test', from: '2026-03-02', to: '2026-04-24', holidays: [{ name: 'voorjaar', from: '2026-03-16', to: '2026-03-20' }] }, { isPublicHoliday: () => false });
  if (!made.ok) throw new Error('calendar');
  return made.calendar;
})();

describe('the picture of the absence as SVG', () => {
  const pm = pictureMessagesFor('nl');
  const names = absenceMessagesFor('nl').period;

  it('is well-formed XML with no script, no link, and a student text escaped', () => {
    const days = new StudentAbsence(calendar.size);
    for (let i = 0; i < 6; i++) days.add(i, { code: 'O', kind: 'ongeoorloofd' } as never, false, { lesuur: 0, minutes: undefined });
    const p = absencePicture('L<&>"1', days, calendar, { isPublicHoliday: () => false }, 8, [{ kind: '16-uur', from: '2026-03-02', to: '2026-03-03' }], '2026-04-24');
    const svg = absenceSvg(p, pm, names);
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|href|on\w+=/i);
    expect(svg).toContain('L&lt;&amp;&gt;&quot;1');
    expect(svg).toMatch(/class="e">!</); // the einddatum
    expect(svg).toMatch(/>v</); // the holiday week
    expect(svg).toContain(pm.legendTitle);
  });

  it('holds no student data beyond the number: only dates of the calendar and the periods, the number and the words', () => {
    const p = pictureFromPeriods('L1011', [{ kind: '16-uur', from: '2026-05-11', to: '2026-05-12', hours: 16, days: 2 }], { isPublicHoliday: () => false }, 8)!;
    const svg = absenceSvg(p, pm, names);
    expect(wellFormed(svg)).toEqual([]);
    const texts = [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim()).filter((t) => t !== '' && !t.startsWith('text {'));
    const allowed = new Set([...pm.weekdays, pm.legendTitle, pm.none, pm.sick, pm.holiday, pm.publicHoliday, pm.inPeriod, pm.einddatum, 'v', 'F', 'z', '!', ...[1, 2, 3, 4].map((l) => pm.hours(l === 1 ? 1 : (l - 1) * 2 + 1, l * 2))]);
    for (const t of texts) {
      const ok = allowed.has(t) || /^\d\d-\d\d-\d{4}$/.test(t) || t.startsWith('◂ ') || t === pm.titleEstimated('L1011');
      expect(ok, t).toBe(true);
    }
  });
});
