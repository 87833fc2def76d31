// The school's absence-code table: code → soort and whether it is geoorloofd. Every school sets
// its own (EXPORTS.md); zorgroute never guesses a code it does not know — an unknown code stops
// the run and is named (commands/batch/registrations/run.ts).
import { parseBooleanText } from '../text-values.js';

export const ABSENCE_KINDS = ['absent', 'te-laat', 'ziek', 'verwijderd', 'verlof', 'luxe', 'overig'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface AbsenceCode {
  kind: AbsenceKind;
  excused: boolean;
}

export type CodeTableProblem =
  | { kind: 'code-missing-column'; column: 'code' | 'soort' | 'geoorloofd'; line: number }
  | { kind: 'code-empty'; line: number }
  | { kind: 'code-bad-kind'; line: number; value: string }
  | { kind: 'code-bad-excused'; line: number }
  | { kind: 'code-duplicate'; line: number; code: string; firstLine: number };

export interface CodeTable {
  /** Folded code (trimmed, upper case) → its meaning. */
  codes: Map<string, AbsenceCode & { line: number }>;
}

/** Codes compare trimmed and case-insensitively: `z` and `Z ` are the same code. */
export function foldCode(code: string): string {
  // Most codes are short upper-case ASCII already: no new string for them.
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return code.trim().toUpperCase();
  }
  return code;
}

function isAbsenceKind(text: string): text is AbsenceKind {
  return (ABSENCE_KINDS as readonly string[]).includes(text);
}

/**
 * The table from its CSV rows (header first: `code;soort;geoorloofd`, in any order and case), or
 * every problem at once. A code's own soort is kept as the school wrote it — only its meaning counts.
 */
export function readCodeTable(header: readonly string[], rows: readonly { line: number; cells: readonly string[] }[], headerLine = 1): { ok: true; table: CodeTable } | { ok: false; problems: CodeTableProblem[] } {
  const folded = header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const at = { code: folded.indexOf('code'), soort: folded.indexOf('soort'), geoorloofd: folded.indexOf('geoorloofd') };
  const problems: CodeTableProblem[] = [];
  for (const column of ['code', 'soort', 'geoorloofd'] as const) if (at[column] < 0) problems.push({ kind: 'code-missing-column', column, line: headerLine });
  if (problems.length > 0) return { ok: false, problems };
  const codes = new Map<string, AbsenceCode & { line: number }>();
  for (const { line, cells } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const code = foldCode(cells[at.code] ?? '');
    const kind = (cells[at.soort] ?? '').trim().toLowerCase();
    const excused = parseBooleanText(cells[at.geoorloofd] ?? '');
    if (code === '') problems.push({ kind: 'code-empty', line });
    else if (!isAbsenceKind(kind)) problems.push({ kind: 'code-bad-kind', line, value: kind });
    else if (excused === undefined) problems.push({ kind: 'code-bad-excused', line });
    else {
      const first = codes.get(code);
      if (first) problems.push({ kind: 'code-duplicate', line, code, firstLine: first.line });
      else codes.set(code, { kind, excused, line });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, table: { codes } };
}
