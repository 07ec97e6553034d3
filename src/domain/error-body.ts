import { z } from 'zod';

/** A text in both languages Bansho speaks, as every response carries it. */
export const bilingualSchema = z.object({ ja: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

/**
 * What every refusal answers (any 4xx, and the 500 that says nothing changed): a stable code from a catalogue,
 * its message in both languages, and the fields of the input it points at.
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().regex(/^E_[A-Z0-9_]+$/),
      message: bilingualSchema,
      fields: z.array(z.object({ path: z.string(), message: bilingualSchema })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
