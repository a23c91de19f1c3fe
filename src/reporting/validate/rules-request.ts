import { isCode, isReportableCondition } from '../../domain/terminology.ts';
import { system } from '../profiles.ts';
import { cardinality, codings, field, forbidden, select, str, targets, type Node, type Rule } from './select.ts';

/** Issues unless the CodeableConcept at `path` has exactly one coding that `ok` accepts. */
const oneCoding = (rule: string, path: string, ok: (c: Node) => boolean, required = true): Rule => (e) => {
  const found = select(e.node, path);
  if (!found.length) return required ? [{ path: `${e.path}.${path}`, rule }] : [];
  return found.flatMap((cc) => {
    const list = codings(cc);
    if (list.length !== 1) return [{ path: `${cc.path}.coding`, rule }];
    return ok(list[0]!) ? [] : [{ path: list[0]!.path, rule }];
  });
};

/** klgateway-119-servicerequest: a received referral. */
export const serviceRequestRules: Rule[] = [
  cardinality('servicerequest.authored-on', 'authoredOn', 1, 1),
  (e) => (e.resource.intent === undefined || e.resource.intent === 'plan' ? [] : [{ path: `${e.path}.intent`, rule: 'servicerequest.intent' }]),
  oneCoding('servicerequest.code', 'code', (c) => field(c, 'system') === system.klCareSocial && isCode('serviceType119', str(field(c, 'code')) ?? ''), false),
  targets('servicerequest.requester', 'requester', ['organization']),
  targets('servicerequest.reason-reference', 'reasonReference', ['focusCondition']),
  (e, r) => [...cardinality('servicerequest.replaces', 'replaces', 0, 1)(e, r), ...targets('servicerequest.replaces', 'replaces', ['serviceRequest'])(e, r)],
  forbidden('servicerequest.forbidden', ['identifier', 'instantiatesCanonical', 'instantiatesUri', 'basedOn', 'requisition', 'category', 'priority',
    'doNotPerform', 'orderDetail', 'quantity[x]', 'encounter', 'occurrence[x]', 'asNeeded[x]', 'performerType', 'performer', 'locationCode',
    'locationReference', 'reasonCode', 'insurance', 'supportingInfo', 'specimen', 'bodySite', 'note', 'patientInstruction', 'relevantHistory']),
];

const conditionForbidden = ['identifier', 'severity', 'bodySite', 'encounter', 'onset[x]', 'abatement[x]', 'recorder', 'asserter', 'stage', 'evidence', 'note'];
const sks = /^D[A-Z][0-9A-Z]{1,8}$/;
const icpc2 = /^[A-Z][0-9]{2}(\.[0-9]{1,2})?$/;

/** klgateway-119-focus-condition: a diagnosis from the referral (SKS D-code or ICPC2). */
export const focusConditionRules: Rule[] = [
  oneCoding('focus-condition.code', 'code', (c) => {
    const code = str(field(c, 'code')) ?? '';
    return field(c, 'system') === system.sks ? sks.test(code) : field(c, 'system') === system.icpc2 && icpc2.test(code);
  }),
  cardinality('focus-condition.clinical-status', 'clinicalStatus', 1, 1),
  forbidden('focus-condition.forbidden', [...conditionForbidden, 'category', 'recordedDate']),
];

/** klgateway-119-condition: an FSIII condition the municipality assessed. */
export const conditionRules: Rule[] = [
  oneCoding('condition.code', 'code', (c) => field(c, 'system') === system.fsiii && isReportableCondition(str(field(c, 'code')) ?? '')),
  cardinality('condition.clinical-status', 'clinicalStatus', 1, 1),
  cardinality('condition.recorded-date', 'recordedDate', 1, 1),
  (e) => {
    // problem-list-item for an active condition, no category for an inactive one.
    const active = select(e.node, 'clinicalStatus.coding').some((c) => field(c, 'code') === 'active');
    const categories = select(e.node, 'category');
    const problemList = categories.length === 1 && codings(categories[0]!).length === 1
      && field(codings(categories[0]!)[0]!, 'system') === system.conditionCategory && field(codings(categories[0]!)[0]!, 'code') === 'problem-list-item';
    if (active) return problemList ? [] : [{ path: categories[0] ? categories[0].path : `${e.path}.category`, rule: 'condition.category' }];
    return categories.map((c) => ({ path: c.path, rule: 'condition.category' }));
  },
  forbidden('condition.forbidden', conditionForbidden),
];
