// The flags of `zorgroute batch` as commander hands them over: a module of its own, so that
// cli/batch.ts and cli/registrations.ts (which cli/batch.ts imports) both read the one shape.
import type { BatchOptions } from '../commands/batch/types.js';
import type { Lang } from '../core/routing/compile.js';
import { todayIso } from '../core/dates.js';
import type { RecordFormat } from '../io/record-encoders.js';

/** Students named per escalation target in the summary without --all. */
const LIST_LIMIT = 10;

export interface BatchCliFlags {
  format?: RecordFormat;
  json?: boolean;
  out?: string;
  onlyAction?: boolean;
  map?: string;
  referenceDate?: string;
  encoding?: 'utf8' | 'windows-1252';
  delimiter?: ';' | ',' | 'tab';
  rules?: string;
  exitCode?: boolean;
  all?: boolean;
  lang?: string;
  log?: boolean;
  db?: string;
  threads?: string;
}

/** What both batch runs (totals, and --registrations) read of the flags for the students file. */
export function studentsFileOptions(
  flags: BatchCliFlags,
  lang: Lang,
  format: RecordFormat | undefined,
): Pick<BatchOptions, 'rules' | 'lang' | 'today' | 'referenceDate' | 'map' | 'encoding' | 'delimiter' | 'format' | 'out' | 'onlyAction' | 'listLimit'> {
  return {
    rules: flags.rules,
    lang,
    today: todayIso(new Date()),
    referenceDate: flags.referenceDate,
    map: flags.map,
    encoding: flags.encoding,
    delimiter: flags.delimiter === 'tab' ? '\t' : flags.delimiter,
    format,
    out: flags.out,
    onlyAction: Boolean(flags.onlyAction),
    listLimit: flags.all ? Number.POSITIVE_INFINITY : LIST_LIMIT,
  };
}
