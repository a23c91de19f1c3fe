/**
 * The part of FHIR R4 Questionnaire and QuestionnaireResponse that Ligevej reads. Unknown FHIR
 * elements are kept as they are (a municipality's file round-trips), they are just not interpreted.
 */
export interface Extension { url: string; valueCode?: string; valueString?: string; valueInteger?: number; valueDecimal?: number; valueCanonical?: string; extension?: Extension[] }
/** FHIR primitive extensions (`_text`, `_display`): where translations live. */
export interface PrimitiveExtension { extension?: Extension[] }
export interface Coding { system?: string; code?: string; display?: string; _display?: PrimitiveExtension }

export const itemTypes = ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice'] as const;
/** FHIR item types a municipality's file may contain that this engine cannot store or score. */
export const unsupportedItemTypes = ['attachment', 'reference', 'quantity', 'question', 'boolean-group'] as const;
export type ItemType = (typeof itemTypes)[number];

export const enableWhenOperators = ['exists', '=', '!=', '>', '<', '>=', '<='] as const;
export type EnableWhenOperator = (typeof enableWhenOperators)[number];

export interface EnableWhen {
  question: string;
  operator: EnableWhenOperator;
  answerBoolean?: boolean; answerDecimal?: number; answerInteger?: number; answerDate?: string; answerDateTime?: string;
  answerTime?: string; answerString?: string; answerCoding?: Coding;
}

export interface AnswerOption {
  valueCoding?: Coding; valueInteger?: number; valueString?: string; valueDate?: string; valueTime?: string;
  _valueString?: PrimitiveExtension;
  initialSelected?: boolean;
}

export interface QuestionnaireItem {
  linkId: string;
  type: ItemType;
  text?: string;
  _text?: PrimitiveExtension;
  prefix?: string;
  code?: Coding[];
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  enableWhen?: EnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: AnswerOption[];
  /** Only on import: a contained ValueSet ("#id") that `resolveContainedValueSets` turns into answerOption. */
  answerValueSet?: string;
  /** Pre-filled answer(s) of a question without answer options (those use answerOption.initialSelected). */
  initial?: AnswerValue[];
  extension?: Extension[];
  item?: QuestionnaireItem[];
  [other: string]: unknown;
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  name?: string;
  title?: string;
  _title?: PrimitiveExtension;
  description?: string;
  language?: string;
  extension?: Extension[];
  item: QuestionnaireItem[];
  [other: string]: unknown;
}

/** One answer value, as in QuestionnaireResponse.item.answer (value[x]). */
export interface AnswerValue {
  valueBoolean?: boolean; valueDecimal?: number; valueInteger?: number; valueDate?: string; valueDateTime?: string;
  valueTime?: string; valueString?: string; valueUri?: string; valueCoding?: Coding;
}
/** Answers are stored flat, one entry per answered question; `toFhirResponse` nests them as FHIR does. */
export interface AnswerEntry { linkId: string; answer: AnswerValue[] }

export const EXT = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  /** Ligevej: the conversation-wheel domain of a group (body, everyday_life, ...). */
  domain: 'https://ligevej.dk/fhir/StructureDefinition/conversation-domain',
  /** Ligevej: the built-in instrument whose scoring rules apply to a group (who5, alcohol, ...). */
  instrument: 'https://ligevej.dk/fhir/StructureDefinition/instrument',
  /** Ligevej: a social-position item (domain.md) that an answer is also recorded as. */
  socialPosition: 'https://ligevej.dk/fhir/StructureDefinition/social-position-item',
  /** Ligevej: the contained ValueSet ("#id") an item's answerOption was resolved from at import. */
  answerValueSet: 'https://ligevej.dk/fhir/StructureDefinition/answer-value-set',
} as const;

export const extensionValue = (exts: Extension[] | undefined, url: string): Extension | undefined => exts?.find((e) => e.url === url);

/** Every item in document order, with its parent chain. */
export function* walkItems(items: readonly QuestionnaireItem[] | undefined, parents: QuestionnaireItem[] = []): Generator<{ item: QuestionnaireItem; parents: QuestionnaireItem[] }> {
  for (const item of items ?? []) {
    yield { item, parents };
    yield* walkItems(item.item, [...parents, item]);
  }
}
