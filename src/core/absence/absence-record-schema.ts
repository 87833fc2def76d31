// A record of `batch --registrations` as a contract: the decision at the peildatum with, per period
// the law counts, its own escalation (with the period and the fields of the verzuimmelding) and
// to-do, and the counted absence. AbsenceRecord (route-absence.ts) is checked against it; the JSON
// Schema is generated from it (core/contract-schemas.ts).
import { z } from 'zod';
import { day, decisionSchema, escalationSchema, todoSchema } from '../routing/decision-schema.js';
import { PERIOD_KINDS } from './period.js';

const hours = z.number().min(0);
const days = z.int().min(0);
const repeat = z.int().min(1).optional().meta({ description: '16-uur: the n-th herhaalmelding of a continuous absence; absent otherwise' });

export const periodSchema = z
  .object({ kind: z.enum(PERIOD_KINDS), from: day, to: day, hours, days, repeat })
  .meta({ description: 'a period the law counts, from its begindatum to its einddatum' });

export const meldingSchema = z
  .object({
    soort: z.enum(PERIOD_KINDS),
    begindatum: day,
    einddatum: day,
    verzuimuren: hours,
    verzuimdagen: days,
    alleLessenGemist: z.boolean(),
    reden: z.null().meta({ description: "the school's to fill in" }),
    maatregelen: z.null().meta({ description: "the school's to fill in" }),
    herhaalmelding: repeat,
  })
  .meta({ description: 'the fields of the verzuimmelding the DUO verzuimloket asks' });

export const absenceRecordSchema = decisionSchema.extend({
  escalations: z.array(
    escalationSchema.extend({
      period: z.object({ from: day, to: day, hours, days, repeat }).optional().meta({ description: 'the period that brings this escalation; absent for one of the peildatum' }),
      melding: meldingSchema.optional(),
    }),
  ),
  todos: z.array(
    todoSchema.extend({
      period: periodSchema.optional().meta({ description: 'the period that brings this to-do; absent for one of the peildatum' }),
      step: z
        .object({ kind: z.enum(['school-year', 'episode']), key: z.string() })
        .optional()
        .meta({ description: "a step of a school's verzuimprotocol: once per school year (key 2026-2027) or per episode of a 4-lesweek count (key: the day reached)" }),
    }),
  ),
  absence: z
    .object({
      unexcusedHours4w: hours,
      unexcusedWeeks: hours,
      sickReports12w: days,
      sickDaysInRow: days,
      luxuryAbsence: z.boolean(),
      lateArrivalsSchoolYear: days.nullable().meta({ description: 'registrations of kind te-laat in the school year (1 August – 31 July) up to the peildatum; null: the code table has no te-laat code' }),
      lateArrivals4w: days.nullable().meta({ description: 'te-laat registrations in the last 4 lesweken; null: not counted' }),
      unexcusedHoursSchoolYear: hours.meta({ description: 'unexcused hours in the school year up to the peildatum' }),
      removalsSchoolYear: days.meta({ description: 'registrations of kind verwijderd (sent out of class) in the school year' }),
      sickReportsSchoolYear: days.meta({ description: 'sick reports in the school year' }),
      periods: z.array(periodSchema),
    })
    .meta({ description: 'the absence counted from the registrations, at the peildatum, and its periods' }),
  mentor: z.string().optional().meta({ description: "the students file's mentor column, when it has one" }),
  klas: z.string().optional().meta({ description: "the students file's klas column, when it has one" }),
});
