import { z } from 'zod';
import type { FieldProblem } from '../../shared/errors.ts';
import { problemsFromZodIssue } from '../../shared/validation.ts';
import { EXT, type AnswerOption, type Coding, type Extension, type PrimitiveExtension, type Questionnaire, type QuestionnaireItem } from './questionnaire-types.ts';

/**
 * Contained ValueSets: a municipality's instrument file often gives a choice question's answers as
 * `answerValueSet: "#id"` pointing to a ValueSet inside the file. At import we resolve it into the
 * item's `answerOption` (system, code, display, and designations as translations), so the engine,
 * the citizen page, the conversation view and scoring see ordinary options and answers are stored
 * as Codings. A ValueSet outside the file, or one needing a terminology server (filters, whole code
 * systems, other ValueSets), cannot be expanded offline and is refused with its path. Pure.
 */
const Designation = z.looseObject({ language: z.string().min(1).optional(), value: z.string().min(1) });
const Concept = z.looseObject({ code: z.string().min(1), display: z.string().optional(), designation: z.array(Designation).optional() });
const Include = z.looseObject({
  system: z.string().min(1).optional(), version: z.string().optional(), concept: z.array(Concept).optional(),
  filter: z.array(z.unknown()).optional(), valueSet: z.array(z.string()).optional(),
});
interface Contains { system?: string; code?: string; display?: string; abstract?: boolean; designation?: z.infer<typeof Designation>[]; contains?: Contains[] }
const ContainsSchema: z.ZodType<Contains> = z.looseObject({
  system: z.string().min(1).optional(), code: z.string().min(1).optional(), display: z.string().optional(), abstract: z.boolean().optional(),
  designation: z.array(Designation).optional(),
  get contains() { return z.array(ContainsSchema).optional(); },
});
const ValueSetSchema = z.looseObject({
  resourceType: z.literal('ValueSet'),
  id: z.string().min(1),
  compose: z.looseObject({ include: z.array(Include).min(1), exclude: z.array(Include).optional() }).optional(),
  expansion: z.looseObject({ contains: z.array(ContainsSchema).optional() }).optional(),
});

type Path = (string | number)[];
type Found = { ok: true; codings: Coding[] } | { ok: false; problem: FieldProblem };
export type ValueSetResolution = { ok: true; questionnaire: Questionnaire } | { ok: false; problem: FieldProblem };

const at = (path: Path, rule: string, params: Record<string, string | number>): { ok: false; problem: FieldProblem } =>
  ({ ok: false, problem: { path: fhirPath(path), rule, params } });
/** FHIRPath-like location of a problem: Questionnaire.item[0].item[2].linkId */
export const fhirPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), 'Questionnaire');

/** The first zod issue as a field problem at its FHIR path under `base`. */
export function zodProblem(error: z.ZodError, base: readonly PropertyKey[] = [], params: Record<string, string> = {}): FieldProblem {
  const issue = error.issues[0]!;
  const [problem] = problemsFromZodIssue({ ...issue, path: [] } as typeof issue);
  return { ...problem!, path: fhirPath([...base, ...issue.path]), params: { ...problem!.params, ...params } };
}

/** A ValueSet designation in a language becomes the FHIR translation extension the rest of Ligevej reads. */
function displayTranslations(designations: readonly { language?: string; value: string }[] | undefined, own: PrimitiveExtension | undefined): PrimitiveExtension | undefined {
  const translations: Extension[] = (designations ?? []).filter((d) => d.language).map((d) => ({
    url: EXT.translation, extension: [{ url: 'lang', valueCode: d.language! }, { url: 'content', valueString: d.value }],
  }));
  const extension = [...(own?.extension ?? []), ...translations];
  return extension.length ? { extension } : undefined;
}

function coding(system: string | undefined, code: string, display: string | undefined, designations: Contains['designation'], own: unknown): Coding {
  const _display = displayTranslations(designations, (own as { _display?: PrimitiveExtension } | undefined)?._display);
  return { ...(system ? { system } : {}), code, ...(display !== undefined ? { display } : {}), ...(_display ? { _display } : {}) };
}

function fromExpansion(contains: readonly Contains[], path: Path, params: Record<string, string>): Found {
  const out: Coding[] = [];
  for (const [i, c] of contains.entries()) {
    const here = [...path, i];
    if (!c.abstract) {
      if (!c.system || !c.code) return at([...here, c.system ? 'code' : 'system'], 'questionnaire.value_set_code', params);
      out.push(coding(c.system, c.code, c.display, c.designation, c));
    }
    const nested = fromExpansion(c.contains ?? [], [...here, 'contains'], params);
    if (!nested.ok) return nested;
    out.push(...nested.codings);
  }
  return { ok: true, codings: out };
}

function fromCompose(compose: NonNullable<z.infer<typeof ValueSetSchema>['compose']>, path: Path, params: Record<string, string>): Found {
  const lists: { codings: Coding[]; exclude: boolean }[] = [];
  for (const [kind, parts] of [['include', compose.include], ['exclude', compose.exclude ?? []]] as const) {
    for (const [j, part] of parts.entries()) {
      const here = [...path, kind, j];
      if (part.filter?.length) return at([...here, 'filter'], 'questionnaire.value_set_expand', params);
      if (part.valueSet?.length) return at([...here, 'valueSet'], 'questionnaire.value_set_expand', params);
      if (!part.system) return at([...here, 'system'], 'questionnaire.value_set_code', params);
      if (!part.concept?.length) return at([...here, 'concept'], 'questionnaire.value_set_expand', params);
      lists.push({ exclude: kind === 'exclude', codings: part.concept.map((c) => coding(part.system, c.code, c.display, c.designation, c)) });
    }
  }
  const excluded = new Set(lists.filter((l) => l.exclude).flatMap((l) => l.codings.map(key)));
  return { ok: true, codings: lists.filter((l) => !l.exclude).flatMap((l) => l.codings).filter((c) => !excluded.has(key(c))) };
}

const key = (c: Coding): string => `${c.system ?? ''}|${c.code ?? ''}`;

/** The codings of one contained ValueSet: its expansion when it has one, else its enumerated compose. */
function expand(resource: unknown, path: Path, linkId: string): Found {
  const parsed = ValueSetSchema.safeParse(resource);
  const id = (resource as { id?: unknown } | null)?.id;
  const params = { linkId, valueSet: typeof id === 'string' ? id : '' };
  if (!parsed.success) return { ok: false, problem: zodProblem(parsed.error, path, params) };
  const vs = parsed.data;
  const found = vs.expansion?.contains?.length ? fromExpansion(vs.expansion.contains, [...path, 'expansion', 'contains'], params)
    : vs.compose ? fromCompose(vs.compose, [...path, 'compose'], params) : { ok: true as const, codings: [] };
  if (!found.ok) return found;
  if (found.codings.length === 0) return at(path, 'questionnaire.value_set_empty', params);
  const seen = new Set<string>();
  for (const c of found.codings) {
    if (seen.has(key(c))) return at(path, 'questionnaire.value_set_duplicate', { ...params, code: c.code ?? '' });
    seen.add(key(c));
    if (!c.display?.trim()) return at(path, 'questionnaire.value_set_display', { ...params, code: c.code ?? '' });
  }
  return found;
}

/**
 * Replaces every item's `answerValueSet: "#id"` by the contained ValueSet's codes as answerOption,
 * recording the reference in a Ligevej extension; the contained resources are kept so the file
 * round-trips. Returns the first problem, named by its path.
 */
export function resolveContainedValueSets(q: Questionnaire): ValueSetResolution {
  const contained = Array.isArray(q.contained) ? (q.contained as unknown[]) : [];
  const state: { problem: FieldProblem | null } = { problem: null };
  const resolveItems = (items: readonly QuestionnaireItem[], base: Path): QuestionnaireItem[] => items.map((item, i) => {
    if (state.problem) return item;
    const path: Path = [...base, 'item', i];
    const children = item.item ? { item: resolveItems(item.item, path) } : {};
    const reference = item.answerValueSet;
    if (reference === undefined || state.problem) return { ...item, ...children };
    const fail = (rule: string, ...rest: Path) => { state.problem = at([...path, ...rest], rule, { linkId: item.linkId, reference }).problem; return item; };
    if (item.type !== 'choice' && item.type !== 'open-choice') return fail('questionnaire.options_type', 'answerValueSet');
    if (item.answerOption?.length) return fail('questionnaire.value_set_and_options', 'answerValueSet');
    const index = reference.startsWith('#') ? contained.findIndex((r) => (r as { id?: unknown } | null)?.id === reference.slice(1)) : -1;
    if (index < 0) return fail(reference.startsWith('#') ? 'questionnaire.value_set_not_contained' : 'questionnaire.value_set_external', 'answerValueSet');
    const found = expand(contained[index], ['contained', index], item.linkId);
    if (!found.ok) { state.problem = found.problem; return item; }
    const rest = { ...item };
    delete rest.answerValueSet;
    const answerOption: AnswerOption[] = found.codings.map((valueCoding) => ({ valueCoding }));
    return { ...rest, ...children, answerOption, extension: [...(item.extension ?? []), { url: EXT.answerValueSet, valueCanonical: reference }] };
  });
  const item = resolveItems(q.item, []);
  return state.problem ? { ok: false, problem: state.problem } : { ok: true, questionnaire: { ...q, item } };
}
