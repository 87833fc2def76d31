// The error catalogue: a problem in Dutch and English, errno codes in words, locations, detail
// lines, and formatUserError laying them out (also for an error still made from a string).
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../src/core/errors.js';
import { problem } from '../../../../src/core/problems.js';
import { detailText, errnoText, problemText } from '../../../../src/ui/messages/errors/catalogue.js';
import { messagesFor } from '../../../../src/ui/messages/messages.js';
import { formatUserError } from '../../../../src/ui/print/decision.js';
import { makeStyle } from '../../../../src/ui/style.js';

const nl = { lang: 'nl', cmd: 'zorgroute' } as const;
const en = { lang: 'en', cmd: 'npx zorgroute' } as const;

describe('problemText', () => {
  it('words a problem with its params in each language', () => {
    expect(problemText(nl, problem('no-such-case', { id: 7 }))).toBe('casus 7 bestaat niet');
    expect(problemText(en, problem('no-such-case', { id: 7 }))).toBe('there is no case 7');
    expect(problemText(nl, problem('date-in-future', { flag: '--date' }))).toBe('--date: ligt in de toekomst; leg een actie vast als die gedaan is');
  });
  it('puts the command the user can type into hints', () => {
    expect(problemText(nl, problem('hint-cases-list'))).toBe('zorgroute cases list toont de casussen');
    expect(problemText(en, problem('hint-cases-list'))).toBe('npx zorgroute cases list shows the cases');
  });
  it('words a problem inside a problem (the case log not written, because …)', () => {
    const p = problem('case-log-not-written', { cause: problem('db-locked', { file: 'c.db' }) });
    expect(problemText(nl, p)).toBe('het casuslogboek is niet geschreven: de casusdatabase c.db is vergrendeld door een ander programma');
  });
});

describe('errnoText', () => {
  it('says what an errno code means, and keeps the code for a search', () => {
    expect(errnoText('nl', 'ENOENT')).toBe('het bestand of de map bestaat niet (ENOENT)');
    expect(errnoText('en', 'EACCES')).toBe('permission denied (rights of the file or its folder) (EACCES)');
    for (const code of ['EISDIR', 'ENOTDIR', 'EMFILE', 'ENOSPC', 'EPIPE']) expect(errnoText('nl', code)).not.toBe(code);
    expect(errnoText('nl', 'EWHATEVER')).toBe('EWHATEVER');
    expect(errnoText('nl', undefined)).toBe('onbekende fout van het systeem');
  });
});

describe('detailText', () => {
  it('names where, which field and what', () => {
    const d = { at: { file: '-', line: 2 }, path: 'unexcusedHours4w', problem: problem('expected-amount') };
    expect(detailText(nl, d)).toBe('stdin, regel 2: unexcusedHours4w: verwacht een getal ≥ 0');
    expect(detailText(en, d)).toBe('stdin, line 2: unexcusedHours4w: expected a number ≥ 0');
    expect(detailText(en, { at: { file: 'in.json', index: 3 }, path: '', problem: problem('unknown-fields', { keys: ['colour'] }) })).toBe(
      'in.json [3]: (the object): unknown field(s): colour',
    );
  });
});

describe('formatUserError', () => {
  const style = (lang: 'nl' | 'en') => makeStyle(messagesFor(lang), false);
  it('lays out the problem, its details and the hint', () => {
    const error = new UserError(problem('prefill-invalid'), { details: [{ path: '--birth-date', problem: problem('text-not-a-date') }], hint: problem('hint-intake-help') });
    expect(formatUserError(style('nl'), nl, error)).toBe(
      'zorgroute: fout: ongeldige vooraf ingevulde antwoorden\n  --birth-date: geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)\ntip: zorgroute intake --help toont de opties',
    );
  });
  it('still prints an error made from a string (code not yet converted)', () => {
    expect(formatUserError(style('en'), en, new UserError('old text', { hint: 'old hint', details: ['a line'] }))).toBe('zorgroute: error: old text\n  a line\nhint: old hint');
  });
});
