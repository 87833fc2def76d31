// The intake's answered lines on a real terminal (issue 17 item 15): a long answer (several topics
// ticked) is wrapped at word boundaries to the terminal's width, its continuation indented under
// the question, never starting with the space it was broken at, and no line wider than the screen.
// The topic sets are ones where inquirer's own wrapping ended a word exactly in the last column, so
// that the next line started with the space after it (` taal-spraakbeperking`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY } from './pty-driver.js';
import { onScreen } from './screen.js';

const freshDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-intake-wrap-')), 'cases.db');

interface Case {
  lang: 'nl' | 'en';
  cols: number;
  topics: string;
  question: string;
  next: string;
  answer: string;
}

const NL = { lang: 'nl', question: 'Wat speelt er?', next: 'Uren ongeoorloofd verzuim' } as const;
const EN = { lang: 'en', question: 'What is going on?', next: 'Hours of unexcused absence' } as const;
const NL_ANSWER = 'ongeoorloofd verzuim (spijbelen, luxeverzuim), thuiszitten: geen onderwijsplek, visuele, auditieve of taal-spraakbeperking';
const CASES: Case[] = [
  { ...NL, cols: 80, topics: '136', answer: NL_ANSWER },
  { ...NL, cols: 40, topics: '136', answer: NL_ANSWER },
  { ...NL, cols: 200, topics: '136', answer: NL_ANSWER },
  { ...NL, cols: 80, topics: '12', answer: 'ongeoorloofd verzuim (spijbelen, luxeverzuim), ziekteverzuim' },
  {
    ...EN,
    cols: 80,
    topics: '146',
    answer: 'unexcused absence (truancy, luxeverzuim), enrolment: not (or no longer) enrolled, or leaving school, visual, hearing or speech-language impairment',
  },
];

describe.each(CASES)('the answered topics in $lang at $cols×24 (ticked $topics)', ({ lang, cols, topics, question, next, answer }) => {
  it('wrap at word boundaries under the question, no stray space, no line wider than the screen', async () => {
    const env: Record<string, string> = lang === 'en' ? { LANG: 'en_US.UTF-8' } : {};
    const s = onScreen(['intake', '--db', freshDb()], { cols, rows: 24 }, env);
    await s.answer(lang === 'nl' ? 'Leerlingnummer' : 'Student number', 'L20417');
    await s.answer(lang === 'nl' ? 'Geboortedatum' : 'Date of birth', '01-03-2012');
    await s.answer(lang === 'nl' ? 'Peildatum' : 'Reference date', ''); // today
    await s.waitFor(question);
    await s.waitFor('⏎');
    await s.settled();
    // The list to tick: each topic on its own line after `❯◯ `, a topic too long for it wrapped under itself.
    const list = s.visible();
    const items = list
      .slice(
        list.findIndex((r) => r.startsWith('❯◯')),
        list.findIndex((r) => r.startsWith('↑↓')),
      )
      .filter((r) => r.trim() !== '');
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.filter((r) => !/^[❯ ][◯◉] \S|^ {3}\S/.test(r))).toEqual([]);
    for (const key of topics) s.send(key);
    s.send(KEY.enter);
    await s.waitFor(next);
    await s.settled();
    const rows = s.rows();
    const first = rows.findIndex((r) => r.startsWith(`✔ ${question}`));
    const after = rows.findIndex((r, i) => i > first && r.startsWith('?'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(after).toBeGreaterThan(first);
    const answered = rows.slice(first, after);
    // The whole answer is there, read as one line.
    expect(answered.join(' ').replace(/\s+/g, ' ')).toContain(answer);
    // No continuation starts with the single space it was broken at.
    expect(answered.slice(1).filter((line) => /^ \S/.test(line))).toEqual([]);
    // Each continuation is indented under the question.
    if (cols < 200) expect(answered.slice(1).filter((line) => !/^ {2}\S/.test(line))).toEqual([]);
    if (cols >= 200) expect(answered).toHaveLength(1);
    expect(s.overflowing()).toEqual([]);
    for (const line of rows) expect(line.length).toBeLessThanOrEqual(cols);
    s.send(KEY.ctrlC);
    await s.exit;
  });
});
