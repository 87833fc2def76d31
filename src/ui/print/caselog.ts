// How `zorgroute cases verify | purge | backup` report: plain lines (a purge of thousands of cases
// lists the first ones and says how many more). Returns strings.
import type { Lang } from '../../core/routing/compile.js';
import type { PurgeResult } from '../../commands/cases-maintenance.js';
import type { BackupResult } from '../../io/db/backup.js';
import type { VerifyReport } from '../../io/db/chain/verify-chain.js';
import { casesMessagesFor } from '../messages/cases.js';
import { humanDate, localIsoDay } from '../human-date.js';
import type { Style } from '../style.js';
import { wrapLines } from '../layout.js';

const SHOWN = 50;

/** Each line wrapped at the terminal's width, with a hanging indent (whole when not a terminal). */
const fitted = (style: Style, lines: readonly string[]): string => lines.flatMap((line) => wrapLines(line, style.width, '', '  ')).join('\n');

export function formatVerify(style: Style, lang: Lang, r: VerifyReport): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  if (r.intact) {
    const lines = [c.green(m.intact(r.events, r.cases, r.purges))];
    if (r.head) lines.push(c.dim(m.chainHead(r.head.hash, r.head.lastEventId)));
    return fitted(style, lines);
  }
  const lines = [c.red.bold(m.notIntact(r.findings.length))];
  for (const f of r.findings.slice(0, SHOWN)) lines.push(`  ${m.finding(f)}`);
  if (r.findings.length > SHOWN) lines.push(`  ${m.andMore(r.findings.length - SHOWN)}`);
  lines.push(c.dim(m.verifyHint));
  return fitted(style, lines);
}

export function formatPurge(style: Style, lang: Lang, r: PurgeResult): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  // dates in prose as people write them (dd-mm-jjjj); the JSON keeps ISO
  const rule =
    'closedBefore' in r.cutoffs ? m.purgeRuleClosedBefore(humanDate(r.cutoffs.closedBefore)) : m.purgeRuleRetention(humanDate(r.cutoffs.caseFile), humanDate(r.cutoffs.absence));
  if (r.candidates.length === 0) return fitted(style, [m.purgeNothing(rule)]);
  const events = r.candidates.reduce((n, x) => n + x.events, 0);
  const lines = [c.bold(m.purgeWouldGo(rule, r.candidates.length, events))];
  for (const x of r.candidates.slice(0, SHOWN)) lines.push(m.purgeLine(x.caseId, x.studentRef, humanDate(localIsoDay(x.closedAt)), x.events, x.absenceData ? 5 : 2));
  if (r.candidates.length > SHOWN) lines.push(`  ${m.andMore(r.candidates.length - SHOWN)}`);
  lines.push(r.record ? c.green(m.purgeWent(r.record.cases, r.record.events, r.record.id)) : c.yellow(m.purgeNeedsYes));
  if (r.record && !r.record.compacted) lines.push(c.yellow(m.purgeNotCompacted));
  return fitted(style, lines);
}

export function formatBackup(lang: Lang, r: BackupResult): string {
  return casesMessagesFor(lang).backedUp(r.file, Math.ceil(r.bytes / 1024), r.report.events, r.report.cases);
}
