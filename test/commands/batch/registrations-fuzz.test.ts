// Issue 19, "Fuzz in the suite": seeded generators of registrations files, calendars, code tables
// and --reg-map files, run in-process through runRegistrations() (the function the CLI calls) with
// the shipped students file. Each run must end as the CLI would end it — a result, or a UserError
// (exit 2) — never another error (a bug, exit 1); nothing worded for a person (the warnings, the
// summary, the error in Dutch and English) holds a BSN or a control character; the registrations
// add up: every data line is counted, invalid, or after the peildatum.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runRegistrations, type RegistrationsWarning } from '../../../src/commands/batch/registrations/run.js';
import { ProblemError as AbsenceProblem } from '../../../src/core/absence/problems.js';
import { UserError } from '../../../src/core/errors.js';
import { ProblemError as OutputProblem } from '../../../src/core/output-problems.js';
import { PrivacyError } from '../../../src/core/privacy-error.js';
import { absenceMessagesFor } from '../../../src/ui/messages/absence.js';
import { rowProblemDescriber } from '../../../src/ui/messages/errors/catalogue.js';
import { messagesFor } from '../../../src/ui/messages/messages.js';
import { problemText } from '../../../src/ui/messages/problems.js';
import { formatAbsenceSummary, formatAbsenceWarning } from '../../../src/ui/print/absence.js';
import { formatUserError } from '../../../src/ui/print/decision.js';
import { makeStyle } from '../../../src/ui/style.js';
import { FUZZ_SEED, fuzzCell, fuzzCell as cellText, fuzzLineEnd as lineEnd, fuzzRegistrations, hasBsn, hasControl } from '../../fuzz-inputs.js';

const ex = (name: string): string => new URL(`../../../data/examples/${name}`, import.meta.url).pathname;
const STUDENTS = ex('leerlingen.csv');
const REG = readFileSync(ex('registraties.csv'), 'utf8');
const CODES = readFileSync(ex('codes-voorbeeldschool.csv'), 'utf8');
const CALENDAR = JSON.parse(readFileSync(ex('kalender-voorbeeldschool.json'), 'utf8')) as Record<string, unknown>;
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-reg-fuzz-'));
let n = 0;
const put = (name: string, text: string): string => {
  const path = join(tmp, `${++n}-${name}`);
  writeFileSync(path, text);
  return path;
};

/** What the person would read, in both languages. */
function worded(error: unknown): string {
  if (error instanceof AbsenceProblem) {
    return (['nl', 'en'] as const).map((lang) => {
      const w = absenceMessagesFor(lang).problem(error.run);
      return [w.message, ...w.details, w.hint ?? ''].join('\n');
    }).join('\n');
  }
  if (error instanceof OutputProblem) return (['nl', 'en'] as const).map((lang) => Object.values(problemText(lang, error.output)).join('\n')).join('\n');
  if (error instanceof PrivacyError) return ''; // worded from its refusal kind: no text of the file
  if (error instanceof UserError) return (['nl', 'en'] as const).map((lang) => formatUserError(makeStyle(messagesFor(lang), false), { lang, cmd: 'zorgroute' }, error)).join('\n');
  throw error; // anything else is a bug: exit 1 with a stack trace
}

interface Files {
  registrations?: string;
  codes?: string;
  calendar?: string;
  regMap?: string;
  map?: string;
}

async function run(files: Files): Promise<{ text: string; stdout: string; dataLines?: number }> {
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const warnings: RegistrationsWarning[] = [];
  const texts: string[] = [];
  try {
    const result = await runRegistrations(
      {
        students: STUDENTS,
        registrations: files.registrations ?? put('reg.csv', REG),
        codes: files.codes ?? put('codes.csv', CODES),
        calendar: files.calendar ?? put('cal.json', JSON.stringify(CALENDAR)),
        regMap: files.regMap,
        map: files.map,
        lang: 'nl',
        today: '2026-06-12',
        format: 'ndjson',
        onlyAction: false,
        listLimit: 10,
      },
      { stdin: Readable.from([]), stdout, onWarning: (w) => warnings.push(w), describeRowProblem: rowProblemDescriber('nl') },
    );
    for (const lang of ['nl', 'en'] as const) {
      const style = makeStyle(messagesFor(lang), false);
      const a = absenceMessagesFor(lang);
      texts.push(...warnings.map((w) => formatAbsenceWarning(style, a, w)), formatAbsenceSummary(style, a, result, { students: STUDENTS, registrations: 'reg.csv' }));
    }
    const after = warnings.reduce((sum, w) => sum + (w.kind === 'registrations-after-peildatum' ? w.count : 0), 0);
    expect(result.registrationsCounted + result.registrationsInvalid + after).toBe(result.registrations);
    return { text: texts.join('\n'), stdout: Buffer.concat(chunks).toString('utf8'), dataLines: result.registrations };
  } catch (error) {
    return { text: worded(error), stdout: Buffer.concat(chunks).toString('utf8') };
  }
}

function clean(o: { text: string; stdout: string }): void {
  expect(hasBsn(o.text), o.text).toBe(false);
  expect(hasControl(o.text), JSON.stringify(o.text)).toBe(false);
  expect(hasBsn(o.stdout), o.stdout).toBe(false);
}

const SETTINGS = { seed: FUZZ_SEED, numRuns: 150 };

describe('fuzzed registrations path, in-process (issue 19)', () => {
  it('registrations files: mixed line endings, BSNs, escapes, bad cells — no crash, nothing unsafe shown, every line accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRegistrations, async (text) => {
        const o = await run({ registrations: put('reg.csv', text) });
        clean(o);
        // With no quote in the file every data line is one registration, whatever its line ending.
        if (o.dataLines !== undefined) expect(o.dataLines).toBe(text.split(/\r\n|\n|\r/).slice(1).filter((l) => l !== '').length);
      }),
      SETTINGS,
    );
  });

  it('calendars: names, holidays and shapes — no crash, nothing unsafe shown', async () => {
    const holiday = fc.record({ name: fc.oneof(cellText, fc.constant(null)), from: fc.constantFrom('2026-03-02', '2026-03-01', 'x', '2026-13-01'), to: fc.constantFrom('2026-03-01', '2026-03-06', '') });
    const calendar = fc.oneof(
      { weight: 4, arbitrary: fc.record({ name: cellText, holidays: fc.array(holiday, { maxLength: 3 }) }).map((c) => JSON.stringify({ ...CALENDAR, ...c })) },
      { weight: 1, arbitrary: fc.constantFrom('null', '[]', '"x"', '{', '', JSON.stringify({ ...CALENDAR, from: '2026-08-01' }), JSON.stringify({ ...CALENDAR, name: 3 })) },
    );
    await fc.assert(
      fc.asyncProperty(calendar, async (cal) => {
        clean(await run({ calendar: put('cal.json', cal) }));
      }),
      SETTINGS,
    );
  });

  it('code tables: codes, kinds, duplicates — no crash, nothing unsafe shown', async () => {
    const codeRow = fc.tuple(cellText, fc.constantFrom('absent', 'ziek', 'te-laat', 'verlof', 'luxe', 'overig', 'x', ''), fc.constantFrom('ja', 'nee', '', '?')).map((c) => c.join(';'));
    await fc.assert(
      fc.asyncProperty(fc.array(codeRow, { maxLength: 6 }), fc.boolean(), lineEnd, async (rows, keep, end) => {
        const base = keep ? CODES.trimEnd().split('\n') : ['code;soort;geoorloofd'];
        clean(await run({ codes: put('codes.csv', [...base, ...rows, ...rows.slice(0, 1)].join(end)) }));
      }),
      SETTINGS,
    );
  });

  it('--map files (the students file): null, non-objects, keys and targets that are data — no crash, nothing unsafe shown', async () => {
    const target = fc.oneof(fc.constantFrom('studentRef', 'birthDate', 'referenceDate', 'enrolled', null, 3, []), fuzzCell);
    const map = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.oneof(fuzzCell, fc.constantFrom('leerlingnummer', 'geboortedatum')), target, { maxKeys: 4 }).map((m) => JSON.stringify(m)) },
      { weight: 1, arbitrary: fc.constantFrom('null', '[]', '"x"', '3', '{', '') },
    );
    await fc.assert(
      fc.asyncProperty(map, async (m) => {
        clean(await run({ map: put('map.json', m) }));
      }),
      SETTINGS,
    );
  });

  it('--reg-map files: null, non-objects, keys that are data — no crash, nothing unsafe shown', async () => {
    const target = fc.constantFrom('leerlingnummer', 'datum', 'lesuur', 'code', null, 'nope', 3, [], {});
    const map = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(cellText, target, { maxKeys: 4 }).map((m) => JSON.stringify(m)) },
      { weight: 1, arbitrary: fc.constantFrom('null', '[]', '"x"', '3', 'true', '{', '') },
    );
    await fc.assert(
      fc.asyncProperty(map, async (m) => {
        clean(await run({ regMap: put('map.json', m) }));
      }),
      SETTINGS,
    );
  });
});
