// Issue 19, defect 1: the wider BSN check (any script, any spacing, run on) must not refuse the
// student numbers and cells schools really send: every cell of the shipped examples and the test
// fixtures (but the one file that holds a BSN on purpose), and the bench generator's numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsBsn } from '../../src/core/bsn.js';
import { BASE_EXPORTS } from '../fuzz-inputs.js';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const FOLDERS = ['data/examples', 'test/fixtures/batch', 'test/fixtures/registrations'];
const ON_PURPOSE = new Set(['bsn.csv']);

function cells(text: string): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((line) => line.split(/[;,\t]/)).map((c) => c.replace(/^"|"$/g, ''));
}

describe('the BSN check refuses no cell of the example exports or the fuzz corpus', () => {
  it.each(FOLDERS)('%s', (folder) => {
    const refused: string[] = [];
    for (const file of readdirSync(root(folder)).filter((f) => f.endsWith('.csv') && !ON_PURPOSE.has(f))) {
      for (const cell of cells(readFileSync(root(`${folder}/${file}`), 'utf8'))) if (containsBsn(cell)) refused.push(`${file}: ${cell}`);
    }
    expect(refused).toEqual([]);
  });

  it('the fuzz corpus before mutation', () => {
    const refused = BASE_EXPORTS.flatMap((b) => cells(b.toString('utf8')).filter((c) => !c.includes('111222333') && containsBsn(c)));
    expect(refused).toEqual([]);
  });

  it("the bench generator's student numbers (eight digits, zero-padded)", () => {
    let refused = 0;
    for (let i = 0; i < 200_000; i++) if (containsBsn(String((i * 7919 + 12345) % 100_000_000).padStart(8, '0'))) refused += 1;
    expect(refused).toBe(0);
  });
});
