// The README's examples must say what the shipped tool really gives.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): Buffer => readFileSync(new URL(`../${path}`, import.meta.url));

describe('README', () => {
  it('every sha256 it shows is the one of the shipped rule set', () => {
    const actual = createHash('sha256').update(read('data/rules/swv-vo-groningen-ommelanden.json')).digest('hex');
    const shown = [...read('README.md').toString('utf8').matchAll(/\b[0-9a-f]{12,64}\b/g)].map((m) => m[0]).filter((h) => /[a-f]/.test(h) && /\d/.test(h));
    expect(shown.length).toBeGreaterThan(0);
    for (const hash of shown) expect(actual.startsWith(hash), `README shows ${hash}, the rule set's sha256 is ${actual}`).toBe(true);
  });
});
