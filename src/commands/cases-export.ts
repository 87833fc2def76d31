// `zorgroute cases export`: cases with every event, handed to the caller one case at a time (the
// store reads a page of cases at a time), so that exporting the whole log keeps memory flat.
import { caseStatus, type CaseRecord, type CaseStatus } from '../core/caselog/timeline.js';
import { UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';
import { requireCase, studentFilter, withStore, type CasesOptions } from './cases.js';

/**
 * The version of the export's own shape, for the programs that read it — not the database's schema
 * version (the database went to 2 with decisions stored in two parts, and to 3 with the hash chain;
 * the export still gives every decision whole, so its shape did not change).
 */
export const EXPORT_SCHEMA_VERSION = 1;

export interface CasesExportHeader {
  format: 'zorgroute-cases';
  schemaVersion: number;
  exportedAt: string;
}

export type ExportedCase = CaseRecord & { status: CaseStatus };

export interface CasesExport extends CasesExportHeader {
  cases: ExportedCase[];
}

export interface ExportSink {
  begin(header: CasesExportHeader): void | Promise<void>;
  /** One case; a returned promise is awaited before the next is read (backpressure). */
  write(c: ExportedCase): void | Promise<void>;
}

/** One case, one student's cases (a data-subject request), or all; with every event. */
export async function exportCases(options: CasesOptions & { id?: number | undefined; student?: string | undefined; all: boolean }, sink: ExportSink): Promise<void> {
  const chosen = [options.id !== undefined, options.student !== undefined, options.all].filter(Boolean).length;
  if (chosen !== 1) throw new UserError(problem('export-needs-one'));
  // The one spelling of student numbers, held to the same guard as one to store.
  const student = studentFilter(options.student);
  // withStore() is synchronous; the store stays open until the last case is written.
  let done: Promise<void> = Promise.resolve();
  withStore(
    options,
    (store) => {
      const cases: Iterable<CaseRecord> =
        options.id !== undefined ? [requireCase(store, options.id)] : options.student !== undefined ? store.listCases({ studentRef: student }) : store.reads.allCases();
      const iterator = cases[Symbol.iterator]();
      const header: CasesExportHeader = { format: 'zorgroute-cases', schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: (options.now ?? (() => new Date()))().toISOString() };
      done = (async () => {
        try {
          await sink.begin(header);
          for (let next = iterator.next(); !next.done; next = iterator.next()) await sink.write({ ...next.value, status: caseStatus(next.value.events) });
        } finally {
          store.close();
        }
      })();
    },
    'read',
    true,
  );
  await done;
}

/** The whole export as one value (tests, small logs). */
export async function exportCasesWhole(options: Parameters<typeof exportCases>[0]): Promise<CasesExport> {
  let header: CasesExportHeader | undefined;
  const cases: ExportedCase[] = [];
  await exportCases(options, { begin: (h) => void (header = h), write: (c) => void cases.push(c) });
  return { ...header!, cases };
}
