// The flags of `zorgroute batch` as commander hands them over: a module of its own, so that
// cli-batch.ts and cli-registrations.ts (which cli-batch.ts imports) both read the one shape.
import type { RecordFormat } from './io/record-encoders.js';

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
