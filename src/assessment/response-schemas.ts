import { z } from 'zod';
import { id, isoDate, isoDateTime, version } from '../shared/schemas.ts';
import { timePoints } from './builtin.ts';
import { InstrumentResultOut } from './scoring/results-out.ts';

const Coding = z.strictObject({ system: z.string().max(500).optional(), code: z.string().min(1).max(200), display: z.string().max(500).optional() });
export const AnswerValue = z.strictObject({
  valueBoolean: z.boolean().optional(),
  valueDecimal: z.number().optional(),
  valueInteger: z.number().int().optional(),
  valueDate: isoDate.optional(),
  valueDateTime: isoDateTime.optional(),
  valueTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/).optional(),
  valueString: z.string().max(4000).optional(),
  valueUri: z.url().optional(),
  valueCoding: Coding.optional(),
}).describe('One FHIR answer value (value[x]); exactly one of the fields');
const AnswerValueOut = AnswerValue.extend({ valueCoding: Coding.partial().optional() });
export const AnswerEntry = z.strictObject({ linkId: z.string().min(1).max(255), answer: z.array(AnswerValue).max(50) });
export const Answers = z.array(AnswerEntry).max(500)
  .describe('Flat answers, one entry per question linkId (QuestionnaireResponse.item.answer); answers to questions hidden by enableWhen are dropped');

export const TimePoint = z.enum(timePoints);
const QuestionnaireRef = z.strictObject({ url: z.url(), version: z.string().min(1).max(64).optional() })
  .describe('Canonical url and business version; without a version the newest');

export const ResponseCreate = z.strictObject({
  questionnaire: QuestionnaireRef.optional().describe('Default: the built-in questionnaire of the time point'),
  timePoint: TimePoint,
  mode: z.enum(['assisted', 'staff']).describe('assisted: the citizen answered with staff helping; staff: staff typed in the citizen\'s answers (self is only through a personal link)'),
  status: z.enum(['in-progress', 'completed']),
  language: z.string().regex(/^[a-z]{2,3}$/).default('da'),
  answers: Answers.default([]),
});
export const ResponseUpdate = z.strictObject({
  version,
  status: z.enum(['in-progress', 'completed']),
  answers: Answers,
});

export const ResponseOut = z.object({
  id, referralId: id, citizenId: id, pathwayId: id.nullable(),
  questionnaire: z.object({ url: z.string(), version: z.string(), title: z.string() }),
  timePoint: z.string(), mode: z.string(), status: z.string(), language: z.string(),
  answers: z.array(z.object({ linkId: z.string(), answer: z.array(AnswerValueOut) })),
  missingRequired: z.array(z.string()).describe('Enabled required questions not yet answered'),
  results: z.array(InstrumentResultOut).describe('Scores, values and flags of each instrument in the response (WHO-5, alcohol, ...)'),
  authoredAt: z.string(), completedAt: z.string().nullable(), version: z.number(),
});
export type ResponseOut = z.infer<typeof ResponseOut>;
export const ResponseList = z.object({ responses: z.array(ResponseOut) });
