// A text of the rule file: one string, or Dutch with an optional English.
import { z } from 'zod';

export const localTextSchema = z.union([
  z.string().min(1),
  z.strictObject({ nl: z.string().min(1), en: z.string().min(1).optional() }),
], { error: 'expected-text' });
export type LocalText = z.infer<typeof localTextSchema>;
