import { z } from 'zod';
import { enableWhenOperators, itemTypes, unsupportedItemTypes } from './questionnaire-types.ts';

/**
 * Structural check of a FHIR R4 Questionnaire (zod, loose objects so other FHIR elements pass
 * through untouched). Semantic rules (unique linkIds, enableWhen targets, ...) are in
 * validate-questionnaire.ts.
 */
const Extension: z.ZodType<{ url: string }> = z.looseObject({
  url: z.string().min(1),
  get extension() { return z.array(Extension).optional(); },
});
const Primitive = z.looseObject({ extension: z.array(Extension).optional() });
const Coding = z.looseObject({
  system: z.string().min(1).optional(), code: z.string().min(1).optional(), display: z.string().optional(), _display: Primitive.optional(),
});
const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const time = z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/);

const EnableWhen = z.looseObject({
  question: z.string().min(1),
  operator: z.enum(enableWhenOperators),
  answerBoolean: z.boolean().optional(), answerDecimal: z.number().optional(), answerInteger: z.number().int().optional(),
  answerDate: date.optional(), answerDateTime: z.string().optional(), answerTime: time.optional(), answerString: z.string().optional(),
  answerCoding: Coding.optional(), answerQuantity: z.unknown().optional(), answerReference: z.unknown().optional(),
});

const AnswerOption = z.looseObject({
  valueCoding: Coding.optional(), valueInteger: z.number().int().optional(), valueString: z.string().optional(),
  valueDate: date.optional(), valueTime: time.optional(), valueReference: z.unknown().optional(),
  _valueString: Primitive.optional(), initialSelected: z.boolean().optional(),
});

const ItemType = z.enum([...itemTypes, ...unsupportedItemTypes]);

export const QuestionnaireItemSchema = z.looseObject({
  linkId: z.string().min(1).max(255),
  type: ItemType,
  text: z.string().optional(),
  _text: Primitive.optional(),
  prefix: z.string().optional(),
  code: z.array(Coding).optional(),
  required: z.boolean().optional(),
  repeats: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
  enableWhen: z.array(EnableWhen).optional(),
  enableBehavior: z.enum(['all', 'any']).optional(),
  answerOption: z.array(AnswerOption).optional(),
  answerValueSet: z.string().optional(),
  initial: z.array(z.looseObject({})).min(1).optional(),
  extension: z.array(Extension).optional(),
  get item() { return z.array(QuestionnaireItemSchema).optional(); },
});

export const QuestionnaireSchema = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  url: z.url(),
  version: z.string().min(1).max(64),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  name: z.string().max(255).optional(),
  title: z.string().max(500).optional(),
  _title: Primitive.optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  extension: z.array(Extension).optional(),
  item: z.array(QuestionnaireItemSchema).min(1),
});
