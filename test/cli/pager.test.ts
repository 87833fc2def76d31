// Which pager, and when (cli/pager.ts); the pager run itself is tested on a pty (test/e2e/pager.test.ts).
import { describe, expect, it } from 'vitest';
import { isLongerThanScreen, pagerCommand } from '../../src/cli/pager.js';

describe('the pager command, as git chooses it', () => {
  it.each([
    [{}, 'less'],
    [{ PAGER: 'more' }, 'more'],
    [{ PAGER: 'more', ZORGROUTE_PAGER: 'less -S' }, 'less -S'],
    [{ PAGER: '' }, null],
    [{ PAGER: 'cat' }, null],
    [{ PAGER: ' cat ' }, null],
    [{ PAGER: 'less', ZORGROUTE_PAGER: '' }, null], // set but empty: none, not the next one
    [{ ZORGROUTE_PAGER: 'cat', PAGER: 'less' }, null],
  ])('%o → %s', (env, expected) => {
    expect(pagerCommand(env)).toBe(expected);
  });
});

describe('longer than the screen', () => {
  const lines = (n: number): string => `${Array.from({ length: n }, (_, i) => `regel ${i}`).join('\n')}\n`;
  it('a text that leaves a row for the prompt fits; one more does not (as less -F)', () => {
    expect(isLongerThanScreen(lines(23), { columns: 80, rows: 24 })).toBe(false);
    expect(isLongerThanScreen(lines(24), { columns: 80, rows: 24 })).toBe(true);
  });
  it('a line wider than the screen takes the rows it wraps into', () => {
    expect(isLongerThanScreen(`${'x'.repeat(80 * 12)}\n${lines(12)}`, { columns: 80, rows: 24 })).toBe(true);
    expect(isLongerThanScreen(`${'x'.repeat(80 * 12)}\n${lines(11)}`, { columns: 80, rows: 24 })).toBe(false);
  });
  it('escape codes take no room', () => {
    expect(isLongerThanScreen(`${'\x1b[31mrood\x1b[39m '.repeat(15)}\n`.repeat(23), { columns: 80, rows: 24 })).toBe(false);
  });
});
