import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../src/core/caselog/timeline.js';
import { escalationStates, latestDecision, meldingTexts, todoStates } from '../../../src/core/caselog/timeline.js';
import type { CaseDetail } from '../../../src/commands/cases.js';
import { buildDossier } from '../../../src/ui/dossier/dossier.js';
import { escapeHtml, renderDossierHtml } from '../../../src/ui/dossier/html.js';
import { escapeMarkdown, renderDossierMarkdown } from '../../../src/ui/dossier/md.js';
import { partyNames, route, situation } from '../../factories.js';

const at = '2026-11-27T09:00:00.000Z';
function detail(note: string): CaseDetail {
  const s = situation({ birthDate: '2010-03-01', unexcusedHours4w: 16, danger: true, abuseSuspected: true });
  const d = route({ birthDate: '2010-03-01', unexcusedHours4w: 16, danger: true, abuseSuspected: true });
  const events: CaseEvent[] = [
    { id: 7, caseId: 3, recordedAt: at, source: 'intake', kind: 'intake', data: { situation: s } },
    { id: 8, caseId: 3, recordedAt: at, source: 'intake', kind: 'decision', data: { decision: d } },
    { id: 9, caseId: 3, recordedAt: at, source: 'cases', kind: 'action', data: { action: 'leerplicht gemeld', date: '2026-11-27', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' }, party: null, note: null } },
    { id: 10, caseId: 3, recordedAt: at, source: 'cases', kind: 'note', data: { text: note } },
  ];
  return { id: 3, studentRef: 'L1001', createdAt: at, source: 'intake', events, status: 'open', escalations: escalationStates(events).map((e) => ({ ...e, overdue: false })), todos: todoStates(events), latestDecision: latestDecision(events), melding: meldingTexts(events), picture: null };
}

const NASTY = '<script>alert("x")</script> & *vet* | [link](http://x) # kop';

describe('the readable dossier', () => {
  const dossier = buildDossier(detail(NASTY), 'nl', '2026-12-01', partyNames('nl'));
  const html = renderDossierHtml(dossier);
  const md = renderDossierMarkdown(dossier);

  it('holds the timeline, every decision with its reasons and sources, actions and deadlines', () => {
    for (const text of [html, md]) {
      expect(text).toContain('Dossier casus 3');
      expect(text).toContain('leerling L1001');
      expect(text).toContain('uren ongeoorloofd (4 weken): 16');
      expect(text).toContain('16 jaar');
      expect(text).toContain('Leerplichtwet 1969 art. 21a');
      expect(text).toContain('leerplicht-16-uur');
      expect(text).toContain('uiterlijk vr 04-12-2026');
      expect(text).toContain('dezelfde dag (vr 27-11-2026)'); // the acute Veilig Thuis report
      expect(text).toContain('Bij direct gevaar: bel 112');
      expect(text).toContain('Gedaan op 27-11-2026: leerplicht gemeld');
      expect(text).toMatch(/Veilig Thuis \| advies-vragen|Veilig Thuis<\/td><td>advies-vragen/); // the consult, a to-do
      expect(text).toMatch(/sha256 [0-9a-f]{64}/);
    }
  });

  it('holds no birth date, in no format', () => {
    for (const text of [html, md]) {
      expect(text).not.toContain('2010-03-01');
      expect(text).not.toContain('01-03-2010');
      expect(text).not.toMatch(/geboortedatum: \d/);
    }
  });

  it('escapes every text: a note is shown as typed, never run or read as markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *vet*');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> \\& \\*vet\\* \\| \\[link\\](http://x) # kop');
    expect(escapeHtml(`'"&<>`)).toBe('&#39;&quot;&amp;&lt;&gt;');
    expect(escapeMarkdown('# geen kop')).toBe('\\# geen kop');
    expect(escapeMarkdown('1. geen lijst')).toBe('\\1. geen lijst');
  });

  it('is one page that prints: inline CSS with a print style, no scripts, no external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
  });

  it('is in English under en', () => {
    const en = renderDossierHtml(buildDossier(detail('x'), 'en', '2026-12-01', partyNames('en')));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Case file 3');
    expect(en).toContain('Escalations, actions and deadlines');
    expect(en).toContain('by Fri 04-12-2026');
    expect(en).not.toMatch(/Tijdlijn|uiterlijk|Gedaan op/);
  });
});

describe('the dossier of a case from batch --registrations --log', () => {
  it('names the period a to-do (MAZL) and an escalation come from', () => {
    const s = situation({ birthDate: '2012-03-01', sickReports12w: 4, unexcusedHours4w: 16 });
    const d = route({ birthDate: '2012-03-01', sickReports12w: 4, unexcusedHours4w: 16 });
    const decision = {
      ...d,
      escalations: d.escalations.map((e) => ({ ...e, period: { from: '2026-11-02', to: '2026-11-03', hours: 16, days: 2 }, melding: { soort: '16-uur' } })),
      todos: d.todos.map((t) => ({ ...t, period: { kind: 'mazl-4-meldingen', from: '2026-09-07', to: '2026-10-26', hours: 0, days: 4 } })),
    } as typeof d;
    const events: CaseEvent[] = [
      { id: 1, caseId: 4, recordedAt: at, source: 'batch', kind: 'intake', data: { situation: s } },
      { id: 2, caseId: 4, recordedAt: at, source: 'batch', kind: 'decision', data: { decision } },
    ];
    const c: CaseDetail = { id: 4, studentRef: 'L1004', createdAt: at, source: 'batch', events, status: 'open', escalations: escalationStates(events).map((e) => ({ ...e, overdue: false })), todos: todoStates(events), latestDecision: latestDecision(events), melding: meldingTexts(events), picture: null };
    const md = renderDossierMarkdown(buildDossier(c, 'nl', '2026-12-01', partyNames('nl')));
    expect(md).toContain('(4e ziekmelding in 12 schoolweken: 07-09-2026 – 26-10-2026)');
    expect(md).toContain('(16 uur ongeoorloofd verzuim: 02-11-2026 – 03-11-2026)');
    const en = renderDossierMarkdown(buildDossier(c, 'en', '2026-12-01', partyNames('en')));
    expect(en).toContain('(4th sick report in 12 school weeks: 07-09-2026 – 26-10-2026)');
  });
});
