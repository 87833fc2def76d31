// The language detector of the e2e language tests must itself be able to fail.
import { describe, expect, it } from 'vitest';
import { dutchLines, englishLines } from './language.js';

describe('englishLines', () => {
  it('flags the English sentences issue 11 found in the Dutch UI', () => {
    for (const sentence of [
      'zorgroute: fout: the action fits more than one escalation of case 3',
      '--date: lies in the future; record an action once it is done',
      "error: option '--status <status>' argument 'gesloten' is invalid. Allowed choices are open, closed, all.",
      'cannot read nope.json: ENOENT',
      'title: Invalid input',
      'Usage: zorgroute [options] [command]',
      '  -h, --help      display help for command',
      'not a date (expected dd-mm-jjjj or jjjj-mm-dd)',
    ]) {
      expect(englishLines(sentence), sentence).not.toEqual([]);
    }
  });
  it('lets Dutch sentences with ids, flags, paths and technical words pass', () => {
    for (const sentence of [
      'zorgroute: fout: de actie past bij meer dan één escalatie van casus 3',
      '  leerplicht:verzuimmelding-16-uur',
      'tip: npx zorgroute cases list --status all toont elke casus',
      'kan /tmp/x/nope.json niet lezen: het bestand of de map bestaat niet (ENOENT)',
      '  rules[0].when.fact: onbekend feit shoeSize (bekend: unexcusedHours4w, age)',
      'Gebruik: zorgroute cases list [opties]',
      '  --lang <taal>   taal van de uitvoer: nl of en (standaard: uit LANG, anders nl)',
      'tip: zie docs/reference/rules.md voor het formaat van een regelset',
    ]) {
      expect(englishLines(sentence), sentence).toEqual([]);
    }
  });
});

describe('dutchLines', () => {
  it('flags Dutch sentences', () => {
    expect(dutchLines('zorgroute: error: kan het bestand niet lezen')).not.toEqual([]);
    expect(dutchLines('Usage: zorgroute [options]\n  -h, --help  toon de hulp bij dit commando')).toHaveLength(1);
  });
  it('lets English sentences with Dutch terms of art pass', () => {
    expect(dutchLines('peildatum for rows without a peildatum column or cell (default: today)')).toEqual([]);
    expect(dutchLines('report to leerplicht within 5 working days: verzuimmelding-16-uur')).toEqual([]);
    expect(dutchLines('hint: npx zorgroute cases list --status all shows every case')).toEqual([]);
  });
});
