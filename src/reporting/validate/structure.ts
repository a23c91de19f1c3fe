import r4 from 'fhirpath/fhir-context/r4/index.js';
import type { Model } from 'fhirpath';
import { issue, isObject, type Issue, type Json } from './issues.ts';
import { isPrimitive, primitiveOk } from './primitives.ts';
import { codeBindings, conceptBindings, requiredElements } from './r4-tables.ts';

/**
 * Base FHIR R4 structure, checked against the R4 model that ships with the fhirpath engine: every
 * element is defined for its type, repeats exactly when R4 says so, carries a value of its data type,
 * and required elements, required code bindings and reference target types hold.
 */
const model = r4 as unknown as Model;
const lcfirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

export function isResourceType(name: unknown): name is string {
  let t = typeof name === 'string' ? name : undefined;
  for (let depth = 0; t && depth < 4; depth++) {
    const parent = model.type2Parent[t];
    if (parent === 'Resource' || parent === 'DomainResource') return true;
    t = parent;
  }
  return false;
}

interface Definition { type: string; defPath: string }

/** The R4 definition of child `key` of the element at `typePath` (a type name or a backbone path). */
function definitionOf(typePath: string, key: string): Definition | undefined {
  let owner: string | undefined = typePath;
  while (owner) {
    const direct = `${owner}.${key}`;
    const type = model.path2Type[direct];
    if (type) return { type, defPath: direct };
    for (let i = 1; i < key.length; i++) {
      if (key[i] !== key[i]!.toUpperCase() || key[i] === key[i]!.toLowerCase()) continue;
      const base = `${owner}.${key.slice(0, i)}`;
      const suffix = key.slice(i);
      if (model.choiceTypePaths[base]?.includes(suffix)) return { type: isPrimitive(lcfirst(suffix)) ? lcfirst(suffix) : suffix, defPath: base };
    }
    owner = owner.includes('.') ? undefined : model.type2Parent[owner];
  }
  return undefined;
}

const isEmpty = (v: Json): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

export function checkResource(value: Json, path: string, out: Issue[]): void {
  if (!isObject(value) || !isResourceType(value.resourceType)) {
    out.push(issue(isObject(value) ? `${path}.resourceType` : path, 'fhir-r4.resource-type'));
    return;
  }
  checkElement(value, value.resourceType, path, out, true);
}

function checkElement(value: Json, typePath: string, path: string, out: Issue[], isResource = false): void {
  if (!isObject(value)) {
    out.push(issue(path, 'fhir-r4.datatype', { expected: typePath }));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (isResource && key === 'resourceType') continue;
    const childPath = `${path}.${key}`;
    if (key.startsWith('_')) {
      const primitive = definitionOf(typePath, key.slice(1));
      if (!primitive || !isPrimitive(primitive.type)) out.push(issue(childPath, 'fhir-r4.unknown-element'));
      else if (!isEmpty(child)) (Array.isArray(child) ? child : [child]).forEach((c, i) => c !== null && checkElement(c, 'Element', Array.isArray(child) ? `${childPath}[${i}]` : childPath, out));
      continue;
    }
    const def = definitionOf(typePath, key);
    if (!def) {
      out.push(issue(childPath, 'fhir-r4.unknown-element'));
      continue;
    }
    if (isEmpty(child)) {
      out.push(issue(childPath, 'fhir-r4.empty'));
      continue;
    }
    const repeating = model.path2Repeating[def.defPath] === true;
    if (repeating !== Array.isArray(child)) {
      out.push(issue(childPath, 'fhir-r4.cardinality', { expected: repeating ? 'array' : 'single' }));
      continue;
    }
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => checkValue(item, def, key, isResource, Array.isArray(child) ? `${childPath}[${i}]` : childPath, out));
  }
  for (const required of requiredElements[typePath] ?? []) {
    const present = Object.keys(value).some((k) => k === required || (k.startsWith(required) && /^[A-Z]/.test(k.slice(required.length))));
    if (!present) out.push(issue(`${path}.${required}`, 'fhir-r4.required'));
  }
}

function checkValue(item: Json, def: Definition, key: string, inResource: boolean, path: string, out: Issue[]): void {
  if (isEmpty(item)) {
    out.push(issue(path, 'fhir-r4.empty'));
    return;
  }
  const type = def.type === 'System.String' ? (key === 'url' ? 'uri' : key === 'id' && inResource ? 'id' : 'string') : def.type;
  if (isPrimitive(type)) {
    if (!primitiveOk(type, item)) out.push(issue(path, 'fhir-r4.datatype', { expected: type }));
    else if (type === 'code' && codeBindings[def.defPath] && !codeBindings[def.defPath]!.includes(item as string)) out.push(issue(path, 'fhir-r4.code'));
    return;
  }
  if (type === 'Resource') return checkResource(item, path, out);
  const structural = type === 'Element' || type === 'BackboneElement';
  checkElement(item, structural ? model.pathsDefinedElsewhere[def.defPath] ?? def.defPath : type, path, out);
  if (type === 'Reference' && isObject(item)) checkReferenceTarget(item.reference, def.defPath, `${path}.reference`, out);
  if (type === 'CodeableConcept' && isObject(item) && conceptBindings[def.defPath]) checkConcept(item.coding, conceptBindings[def.defPath]!, `${path}.coding`, out);
}

function checkReferenceTarget(reference: Json | undefined, defPath: string, path: string, out: Issue[]): void {
  const targets = model.path2RefType[defPath] ?? [];
  const type = typeof reference === 'string' ? /^([A-Z][A-Za-z]+)\//.exec(reference)?.[1] : undefined;
  if (type && targets.length && !targets.includes('Resource') && !targets.includes(type)) out.push(issue(path, 'fhir-r4.reference-target', { expected: targets.join(', ') }));
}

function checkConcept(codings: Json | undefined, binding: { system: string; codes: readonly string[] }, path: string, out: Issue[]): void {
  if (!Array.isArray(codings)) return;
  codings.forEach((c, i) => {
    if (isObject(c) && c.system === binding.system && !binding.codes.includes(c.code as string)) out.push(issue(`${path}[${i}].code`, 'fhir-r4.code'));
  });
}
