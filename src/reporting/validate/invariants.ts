import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import type { Model } from 'fhirpath';
import { conversationInterventions, treatmentInterventions } from '../../domain/terminology.ts';
import { system } from '../profiles.ts';
import type { Issue } from './issues.ts';
import type { Entry, Rule } from './select.ts';

/**
 * The IG's FHIRPath invariants, evaluated by the fhirpath engine on the resource. `expression` is
 * the invariant itself and decides; `locate` returns the offending nodes so the issue can name the
 * element; `suffix` is appended to a located node's path.
 */
interface Invariant { id: string; expression: string; locate: string; suffix?: string }

const model = r4 as unknown as Model;
const anyOf = (codes: ReadonlySet<string>) => [...codes].map((c) => `'${c}'`).join(' | ');
const codedAs = (codes: ReadonlySet<string>) => `activity.detail.code.coding.where(system = '${system.fsiii}' and code in (${anyOf(codes)})).exists()`;

export const invariants = {
  carePlan1: {
    id: 'klgateway-119-care-plan-1',
    expression: "activity.detail.all(statusReason.exists() = (status = 'cancelled' or status = 'stopped'))",
    locate: "activity.detail.where((statusReason.exists() = (status = 'cancelled' or status = 'stopped')).not())",
    suffix: '.statusReason',
  },
  intervention1: { id: 'klgateway-119-intervention-1', expression: `${codedAs(treatmentInterventions)} implies basedOn.exists()`, locate: '%resource', suffix: '.basedOn' },
  intervention2: { id: 'klgateway-119-intervention-2', expression: `${codedAs(conversationInterventions)} implies basedOn.empty()`, locate: 'basedOn' },
} satisfies Record<string, Invariant>;

interface Node { parentResNode: Node | null; propName?: string; index?: number | null }
const pathOf = (n: Node): string => {
  const parts: string[] = [];
  for (let x: Node | null = n; x?.parentResNode; x = x.parentResNode) parts.unshift(`${x.propName}${typeof x.index === 'number' ? `[${x.index}]` : ''}`);
  return parts.join('.');
};

const compiled = new Map<string, ReturnType<typeof fhirpath.compile>>();
function run(expression: string, resource: unknown, nodes: boolean): unknown[] {
  const key = `${nodes}:${expression}`;
  let fn = compiled.get(key);
  if (!fn) compiled.set(key, (fn = fhirpath.compile(expression, model, { resolveInternalTypes: !nodes })));
  return fn(resource) as unknown[];
}

/** An invariant as a rule: the issue sits on the located element (or the resource when nothing can be located). */
export const invariantRule = (inv: Invariant): Rule => (e: Entry): Issue[] => {
  const verdict = run(inv.expression, e.resource, false);
  if (!verdict.includes(false)) return [];
  const located = inv.locate === '%resource' ? [''] : (run(inv.locate, e.resource, true) as Node[]).map(pathOf);
  const paths = located.length ? located : [''];
  return paths.map((p) => ({ path: `${e.path}${p ? `.${p}` : ''}${inv.suffix ?? ''}`, rule: inv.id }));
};
