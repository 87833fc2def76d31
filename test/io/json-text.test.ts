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
