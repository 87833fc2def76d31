import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, parseJsonText } from '../../src/io/json-text.js';
import { parseInputDocument } from '../../src/io/read-input.js';
import { enErrorText } from '../words.js';
import type { UserError } from '../../src/core/errors.js';

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return enErrorText(error as UserError);
  }
  return 'no error';
};

describe('parseJsonText', () => {
  it('names line and column and never quotes the text', () => {
    const text = '{\n  "studentRef": "L1",\n  "birthDate": 2012-03-01\n}';
    const m = message(() => parseJsonText(text, 'in.json'));
    expect(m).toBe('in.json, line 3, column 20: invalid JSON (unexpected character "-")');
    expect(m).not.toContain('L1');
  });
  it('finds the offset of common mistakes', () => {
    expect(findJsonErrorOffset('{"a":1,}')).toBe(7);
    expect(findJsonErrorOffset("{'a':1}")).toBe(1);
    expect(findJsonErrorOffset('{"a":tru}')).toBe(8);
    expect(findJsonErrorOffset('[1,2')).toBe(4);
    expect(findJsonErrorOffset('{"a":1} {"b":2}')).toBe(8);
  });
});

describe('parseInputDocument', () => {
  it('one object is single; an array or NDJSON is multi', () => {
    expect(parseInputDocument('{\n"a": 1\n}', 'x').mode).toBe('single');
    expect(parseInputDocument('[{"a":1},{"a":2}]', 'x')).toMatchObject({ mode: 'multi', records: [{ at: { file: 'x', index: 0 } }, { at: { file: 'x', index: 1 } }] });
    expect(parseInputDocument('{"a":1}\n\n{"a":2}\n', 'x')).toMatchObject({ mode: 'multi', records: [{ at: { file: 'x', line: 1 } }, { at: { file: 'x', line: 3 } }] });
  });
  it('reports the line of a bad NDJSON record', () => {
    expect(message(() => parseInputDocument('{"a":1}\n{"a":,}\n', 'x'))).toBe('x, line 2, column 6: invalid JSON (unexpected character ",")');
  });
  it('refuses empty input', () => {
    expect(message(() => parseInputDocument('  \n', 'stdin'))).toMatch(/stdin is empty/);
  });
});

describe('positions of every kind of JSON error', () => {
  it('names line and column of an unclosed, deeply nested document (no NaN, no undefined)', () => {
    const deep = `{"rules":[${'{"all":['.repeat(5000)}`;
    expect(message(() => parseJsonText(deep, 'r.json'))).toBe(`r.json, line 1, column ${deep.length + 1}: invalid JSON (the JSON ends too early)`);
    const arrays = '['.repeat(200000);
    expect(message(() => parseJsonText(arrays, 'a.json'))).toBe(`a.json, line 1, column ${arrays.length + 1}: invalid JSON (the JSON ends too early)`);
    expect(message(() => parseJsonText(`${'['.repeat(100000)}x`, 'b.json'))).toBe('b.json, line 1, column 100001: invalid JSON (unexpected character "x")');
  });
  it('finds where V8 stops, for each kind of mistake', () => {
    const cases: [string, number][] = [
      ['', 0],
      ['{', 1],
      ['{"a"', 4],
      ['{"a":', 5],
      ['{"a":1', 6],
      ['"abc', 4],
      ['"a\\x"', 3],
      ['"a\\u12"', 6],
      ['"a\nb"', 2],
      ['[1,]', 3],
      ['[,1]', 1],
      ['{"a" 1}', 5],
      ['{1:2}', 1],
      ['-', 1],
      ['01', 1],
      ['1.', 1],
      ['nul', 3],
      ['[1 2]', 3],
      ['{"a":1]', 6],
      ['[{"a":[1,{"b":2}]}}', 18],
      ['\n\n  [1,\n   x]', 11],
    ];
    for (const [text, offset] of cases) {
      expect([text, findJsonErrorOffset(text)]).toEqual([text, offset]);
      expect(() => JSON.parse(text)).toThrow();
    }
    expect(message(() => parseJsonText('\n\n  [1,\n   x]', 'c.json'))).toBe('c.json, line 4, column 4: invalid JSON (unexpected character "x")');
  });
  it('names the broken line of NDJSON, whatever is wrong with it', () => {
    const good = '{"studentRef":"L1","birthDate":"2012-03-01"}';
    expect(message(() => parseInputDocument(`${good}\n${good}\n{"studentRef":"L3"\n${good}\n`, 'stdin'))).toBe('stdin, line 3, column 19: invalid JSON (the JSON ends too early)');
    expect(message(() => parseInputDocument(`${good}\n\n${good}\n${good}\nstudentRef: L5\n`, 'x.ndjson'))).toBe('x.ndjson, line 5, column 1: invalid JSON (unexpected character "s")');
    expect(parseInputDocument(`${good}\n${good}`, 'x').records).toHaveLength(2);
  });
});
