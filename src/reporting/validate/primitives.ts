/**
 * FHIR R4 primitive types in JSON (https://hl7.org/fhir/R4/datatypes.html): the JSON type each is
 * written as and the regular expression its value must match. Dates must also be real calendar dates.
 */
const year = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const month = '(0[1-9]|1[0-2])';
const day = '(0[1-9]|[1-2][0-9]|3[0-1])';
const time = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const zone = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const patterns: Record<string, RegExp> = {
  date: new RegExp(`^${year}(-${month}(-${day})?)?$`),
  dateTime: new RegExp(`^${year}(-${month}(-${day}(T${time}${zone})?)?)?$`),
  instant: new RegExp(`^${year}-${month}-${day}T${time}${zone}$`),
  time: new RegExp(`^${time}$`),
  code: /^[^\s]+( [^\s]+)*$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  uri: /^\S*$/, url: /^\S*$/, canonical: /^\S*$/,
  base64Binary: /^(\s*([0-9a-zA-Z+=/]){4}\s*)+$/,
  string: /^[\s\S]+$/, markdown: /^[\s\S]+$/, xhtml: /^<div[\s\S]*<\/div>$/,
};
const integers: Record<string, [number, number]> = {
  integer: [-2147483648, 2147483647], unsignedInt: [0, 2147483647], positiveInt: [1, 2147483647],
};

export const isPrimitive = (type: string): boolean =>
  type === 'boolean' || type === 'decimal' || type === 'System.String' || type in patterns || type in integers;

/** True when a calendar date's day exists in its month (2026-02-30 does not). */
function realDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return true;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}

/** Whether a JSON value is a valid instance of the FHIR primitive type. */
export function primitiveOk(type: string, value: unknown): boolean {
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'decimal') return typeof value === 'number' && Number.isFinite(value);
  if (type in integers) {
    const [min, max] = integers[type]!;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  }
  if (typeof value !== 'string') return false;
  if (type === 'System.String') return patterns.id!.test(value);
  const pattern = patterns[type];
  if (!pattern || !pattern.test(value)) return false;
  return type === 'date' || type === 'dateTime' || type === 'instant' ? realDate(value) : true;
}
