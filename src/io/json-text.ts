// JSON text from a user, parsed with a position-bearing error that never echoes the input
// (V8's own message can quote the text, and the text may hold student data).
import { UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';

export interface TextPosition {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the first syntax error in `text` (text.length when it ends too early), found by a
 * small scanner; only run after JSON.parse has failed, because V8's message does not always say
 * where (and its wording differs between versions). Iterative, with its own stack of open arrays
 * and objects, so that deeply nested input cannot overflow the call stack.
 */
export function findJsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return;
      i++;
    }
  };
  /** A string at i; returns false (i at the problem) when it is not a valid one. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) return false;
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              return false;
            }
          }
          i += 4;
        } else if (i >= n || !'"\\/bfnrt'.includes(text[i]!)) return false;
      }
      i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const number = (): boolean => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '' || m[0] === '-') {
      if (text[i] === '-') i++;
      return false;
    }
    i += m[0].length;
    return true;
  };
  /** Open containers: '[' or '{'. */
  const open: string[] = [];
  const at = (): number => Math.min(i, n);
  for (;;) {
    // A value is expected at i.
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        open.push('{');
        if (!string()) return at();
        ws();
        if (text[i] !== ':') return at();
        i++;
        continue;
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        open.push('[');
        continue;
      }
    } else if (ch === '"') {
      if (!string()) return at();
    } else if (ch === 't' || ch === 'f' || ch === 'n') {
      if (!literal(ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null')) return at();
    } else if (!number()) return at();
    // After a value: close containers, or a comma and the next value.
    for (;;) {
      ws();
      if (open.length === 0) return at(); // the end, or text after the one value
      const top = open[open.length - 1];
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          ws();
          if (!string()) return at();
          ws();
          if (text[i] !== ':') return at();
          i++;
        }
        break;
      }
      if ((top === '[' && text[i] === ']') || (top === '{' && text[i] === '}')) {
        i++;
        open.pop();
        continue;
      }
      return at();
    }
  }
}

/** Parses JSON or throws a UserError naming `file` ('-': stdin), the line and the column, without quoting the text. */
export function parseJsonText(text: string, file: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = findJsonErrorOffset(text);
    const { line, column } = positionAt(text, offset);
    const end = offset >= text.length;
    const at = { file, line: line + lineOffset, column };
    throw new UserError(problem('invalid-json', end ? { at, end } : { at, end, char: JSON.stringify(text[offset]) }));
  }
}
