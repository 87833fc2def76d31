import { describe, expect, it } from 'vitest';
import { casesMessagesFor } from '../../../src/ui/messages/cases.js';
import { messagesFor } from '../../../src/ui/messages/messages.js';

describe('singular and plural', () => {
  it('one row is "1 rij", not "1 rijen" (and "1 row" in English)', () => {
    expect(messagesFor('nl').batch.progress('1')).toBe('1 rij');
    expect(messagesFor('nl').batch.progress('2')).toBe('2 rijen');
    expect(messagesFor('nl').batch.oneLine(1, 1, 0, 1, 1)).toMatch(/^1 rij: /);
    expect(messagesFor('en').batch.oneLine(1, 1, 0, 1, 1)).toMatch(/^1 row: .*1 needs action/);
    expect(messagesFor('nl').batch.written(1, 'x.csv')).toBe('1 record geschreven naar x.csv');
    expect(casesMessagesFor('nl').dueTitle(1)).toContain('binnen 1 werkdag moeten');
    expect(casesMessagesFor('en').nothingDue(1)).toContain('within 1 working day,');
  });

  it('"ouders/verzorgers zijn ingelicht", "de leerling is ingelicht"', () => {
    expect(casesMessagesFor('nl').doneParty(1, 'ouders', 'ouders/verzorgers')).toBe('Casus 1: vastgelegd dat ouders/verzorgers zijn ingelicht.');
    expect(casesMessagesFor('nl').doneParty(1, 'jeugdarts', 'jeugdarts (GGD)')).toBe('Casus 1: vastgelegd dat jeugdarts (GGD) is ingelicht.');
    expect(casesMessagesFor('en').doneParty(1, 'ouders', 'parents/carers')).toBe('Case 1: recorded that parents/carers were informed.');
  });
});
