import { describe, expect, it } from 'vitest';
import type { AbsenceRecord } from '../../../src/core/absence/route-absence.js';
import { absenceCells } from '../../../src/core/rows/absence-cells.js';
import { ABSENCE_CSV_COLUMNS, ENGLISH_CSV } from '../../../src/core/rows/flatten.js';
import { csvDialectFor } from '../../../src/ui/messages/csv.js';
import { route } from '../../factories.js';

const DUTCH = csvDialectFor('nl');

/** A record with every kind of sub-format: a dated overdue escalation, one without a term, a herhaalmelding with half hours, a reached to-do. */
function record(): AbsenceRecord {
  const d = route({ studentRef: '=1+2', birthDate: '2012-03-01', referenceDate: '2026-06-12' });
  return {
    ...d,
    escalations: [
      { to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-05-27', overdue: true, reason: '', rules: ['leerplicht-16-uur'] },
      { to: 'leerplicht', type: 'langdurig-relatief-verzuim', deadline: null, overdue: false, reason: '', rules: ['leerplicht-langdurig'] },
    ],
    todos: [{ party: 'mentor', type: 'gesprek-leerling', reason: '', rules: ['te-laat-3', 'x'], deadline: '2026-06-03', overdue: true, reachedOn: '2026-06-02' }],
    absence: {
      unexcusedHours4w: 16.5,
      unexcusedWeeks: 0,
      sickReports12w: 2,
      sickDaysInRow: 1,
      luxuryAbsence: false,
      lateArrivalsSchoolYear: 0,
      lateArrivals4w: 0,
      unexcusedHoursSchoolYear: 0,
      removalsSchoolYear: 0,
      sickReportsSchoolYear: 0,
      periods: [{ kind: '16-uur', from: '2026-05-13', to: '2026-05-19', hours: 32.5, days: 4, repeat: 1 }],
    },
  };
}

describe('absenceCells', () => {
  it('writes the English contract: ISO dates, true/false, "overdue", "reached", "repeat", h, a decimal point, no word for asap', () => {
    const cells = absenceCells(3, record(), ENGLISH_CSV);
    expect(cells).toHaveLength(ABSENCE_CSV_COLUMNS.length);
    expect(cells).toEqual([
      '3',
      '=1+2', // neutralised by the writer (csvCell), not here
      '2026-06-12',
      '14',
      'volledig',
      'true',
      'leerplicht:verzuimmelding-16-uur:2026-05-27:overdue | leerplicht:langdurig-relatief-verzuim',
      '2026-05-27',
      'true',
      '16-uur 2026-05-13..2026-05-19 (32.5 h, 4 d, repeat 1)',
      '16.5',
      '0',
      '2',
      '1',
      'false',
      'mentor:gesprek-leerling:2026-06-03:overdue:reached-2026-06-02 [te-laat-3 x]',
      '',
      '',
    ]);
  });

  it('writes Dutch Excel: dd-mm-jjjj, ja/nee, "te-laat", "bereikt", "herhaalmelding", u, a decimal comma, "zo spoedig mogelijk"', () => {
    const cells = absenceCells(3, record(), DUTCH);
    expect(cells).toHaveLength(DUTCH.absence.columns.length);
    expect(cells.slice(2)).toEqual([
      '12-06-2026',
      '14',
      'volledig',
      'ja',
      'leerplicht:verzuimmelding-16-uur:27-05-2026:te-laat | leerplicht:langdurig-relatief-verzuim:zo spoedig mogelijk',
      '27-05-2026',
      'ja',
      '16-uur 13-05-2026..19-05-2026 (32,5 u, 4 d, herhaalmelding 1)',
      '16,5',
      '0',
      '2',
      '1',
      'nee',
      'mentor:gesprek-leerling:03-06-2026:te-laat:bereikt-02-06-2026 [te-laat-3 x]',
      '',
      '',
    ]);
  });

  it('only escalations without a term: the deadline column has the dialect\'s asap word (Dutch) or nothing (English)', () => {
    const r = { ...record(), escalations: [record().escalations[1]!] };
    expect(absenceCells(3, r, DUTCH)[7]).toBe('zo spoedig mogelijk');
    expect(absenceCells(3, r, ENGLISH_CSV)[7]).toBe('');
  });
});
