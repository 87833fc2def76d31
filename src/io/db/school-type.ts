// The school type (onderwijstype) is the school's, not the student's: once an intake has recorded
// one, the next intake takes it as its default instead of the schema's `vo` — so a primary school
// says `po` once (in the review's change menu, or with --set educationType=po), not every time.
import type Database from 'better-sqlite3';
import { EDUCATION_TYPES } from '../../core/routing/situation.js';

type EducationType = (typeof EDUCATION_TYPES)[number];

/** The onderwijstype of the latest intake made with `zorgroute intake`; undefined when there is none. */
export function lastIntakeSchoolType(db: Database.Database): EducationType | undefined {
  const value = db
    .prepare(`SELECT json_extract(data, '$.situation.educationType') FROM events WHERE kind = 'intake' AND source = 'intake' ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get();
  return (EDUCATION_TYPES as readonly unknown[]).includes(value) ? (value as EducationType) : undefined;
}
