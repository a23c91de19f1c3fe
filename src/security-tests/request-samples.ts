import { z } from 'zod';

/** Just enough of JSON Schema to build sample requests from a route's zod schemas. */
export interface JsonSchema {
  type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema | JsonSchema[];
  enum?: unknown[]; const?: unknown; format?: string; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[];
  minItems?: number; minimum?: number; exclusiveMinimum?: number; additionalProperties?: JsonSchema | boolean; pattern?: string; maxLength?: number;
}

/** Values for fields that must match a pattern (times, languages, phone numbers…), by field name. */
const patterned: Record<string, string> = {
  startTime: '10:00', endTime: '11:30', time: '10:00', language: 'da', languages: 'da', preferredLanguage: 'da', postalCode: '5000',
  phone: '12345678', contactPhone: '12345678', website: 'https://example.dk', url: 'https://example.dk', email: 'test@example.dk',
};

/** A route schema part (zod or plain JSON Schema) as JSON Schema; {} when it cannot be represented. */
export function jsonSchemaOf(part: unknown): JsonSchema {
  if (!part) return {};
  if (part instanceof z.ZodType) {
    try { return z.toJSONSchema(part, { unrepresentable: 'any', io: 'input' }) as JsonSchema; } catch { return {}; }
  }
  return part as JsonSchema;
}

const FIXED_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * A value shaped like the schema, with `text` in every free string: valid enough to pass most
 * validators, so payloads reach the services. A uuid field whose name starts with a key of `ids`
 * (citizenId → ids.citizen) gets that id. Pure and deterministic.
 */
export function sample(schema: JsonSchema, text: string, depth = 0, ids: Record<string, string> = {}, key = ''): unknown {
  if (depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== 'null') ?? alt[0]!, text, depth + 1, ids, key);
  if (schema.allOf?.length) return sample(Object.assign({}, ...schema.allOf) as JsonSchema, text, depth + 1, ids, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return Object.entries(ids).find(([name]) => key.toLowerCase().startsWith(name.toLowerCase()))?.[1] ?? FIXED_UUID;
      if (schema.format === 'date') return '2026-03-01';
      if (schema.format === 'date-time') return '2026-03-01T08:00:00.000Z';
      if (schema.format === 'email') return 'test@example.dk';
      if (schema.pattern && new RegExp(schema.pattern, 'u').test(text)) return text;
      if (schema.pattern) return patterned[key] ?? text;
      return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
    case 'integer': case 'number': return Math.max(1, Number(schema.minimum ?? schema.exclusiveMinimum ?? 1));
    case 'boolean': return true;
    case 'null': return null;
    case 'array': {
      const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      return items ? [sample(items, text, depth + 1, ids, key)] : [];
    }
    case 'object': case undefined: {
      if (!schema.properties) return type === 'object' ? {} : text;
      return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, sample(v, text, depth + 1, ids, k)]));
    }
    default: return text;
  }
}

/** Free-text string fields of a schema (paths), for stored-XSS and injection reports. */
export function stringPaths(schema: JsonSchema, prefix = '', depth = 0): string[] {
  if (depth > 6) return [];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string' && !schema.format && !schema.enum && schema.const === undefined) return [prefix || '(value)'];
  if (schema.properties) return Object.entries(schema.properties).flatMap(([k, v]) => stringPaths(v, prefix ? `${prefix}.${k}` : k, depth + 1));
  const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  if (items) return stringPaths(items, `${prefix}[]`, depth + 1);
  return (schema.anyOf ?? schema.oneOf ?? []).flatMap((a) => stringPaths(a, prefix, depth + 1));
}

/** The path with every :param replaced (URL-encoded). */
export const fillPath = (url: string, value: string): string => url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(value));

export const queryFor = (schema: JsonSchema, text: string): string => {
  const value = sample(schema, text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) params.set(k, Array.isArray(v) ? String(v[0]) : String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};
