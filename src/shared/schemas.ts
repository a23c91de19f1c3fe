import { z } from 'zod';
import { isCode } from '../domain/terminology.ts';

/** A code that must exist in one of the FSIII/KL value sets (fsiii-119.json). */
export const codeFrom = (valueSet: Parameters<typeof isCode>[0]) =>
  z.string().refine((code) => isCode(valueSet, code), { params: { rule: 'code.unknown', valueSet } });

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const id = z.uuid();
export const version = z.number().int().positive().describe('The version you read; a stale version is refused with 412');
export const IdParams = z.object({ id: z.uuid() });

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })),
  }),
});

/** Standard error responses declared on every route so OpenAPI documents them. */
export const errorResponses = {
  400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema,
  409: ErrorBodySchema, 412: ErrorBodySchema, 422: ErrorBodySchema, 428: ErrorBodySchema,
};
