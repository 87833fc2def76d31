// The line an answered intake question leaves (issue 17 item 15): wrapped at word boundaries to the
// terminal's width, the lines after the first indented under the question, none starting with the
// space it was broken at, colour only when the style has it.
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/ui/messages/messages.js';
import { formatAnsweredLine } from '../../../src/ui/print/intake.js';
import { displayWidth } from '../../../src/ui/layout.js';
import { makeStyle } from '../../../src/ui/style.js';

const QUESTION = 'Wat speelt er? Kies alles wat van toepassing is';
const ANSWER = 'ongeoorloofd verzuim (spijbelen, luxeverzuim), thuiszitten: geen onderwijsplek, visuele, auditieve of taal-spraakbeperking';

describe('formatAnsweredLine', () => {
  it('at every width from 40 to 200: lines fit after inquirer’s “✔ ”, indented under the question, no stray space', () => {
    const style = makeStyle(messagesFor('nl'), false);
    for (let width = 40; width <= 200; width++) {
      const lines = `✔ ${formatAnsweredLine(style, width, QUESTION, ANSWER)}`.split('\n');
      for (const line of lines) expect(displayWidth(line), `${width}: ${line}`).toBeLessThan(width);
      for (const line of lines.slice(1)) expect(line, `${width}: ${JSON.stringify(line)}`).toMatch(/^ {2}\S/);
      expect(lines.map((l) => l.trim()).join(' ')).toBe(`✔ ${QUESTION} ${ANSWER}`);
    }
  });

  it('not a terminal (no width): one line; an empty answer leaves only the question', () => {
    const style = makeStyle(messagesFor('nl'), false);
    expect(formatAnsweredLine(style, null, QUESTION, ANSWER)).toBe(`${QUESTION} ${ANSWER}`);
    expect(formatAnsweredLine(style, 80, 'Aantal volledige schooljaren?', '')).toBe('Aantal volledige schooljaren?');
  });

  it('colour only when the style has colour; the wrapped lines are the same either way', () => {
    const plain = formatAnsweredLine(makeStyle(messagesFor('nl'), false), 80, QUESTION, ANSWER);
    const coloured = formatAnsweredLine(makeStyle(messagesFor('nl'), true), 80, QUESTION, ANSWER);
    expect(plain).not.toContain('\x1b');
    expect(coloured).toContain('\x1b[36m');
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });
});
