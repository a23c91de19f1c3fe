import { isCode, isReportableIntervention } from '../../domain/terminology.ts';
import { extensionUrl, system } from '../profiles.ts';
import { isObject } from './issues.ts';
import { cardinality, codings, field, forbidden, referenceOf, select, str, targets, type Rule } from './select.ts';

/** What both §119 CarePlan profiles require: intent plan, a granted date, one activity with one performing organisation. */
const common = (p: string): Rule[] => [
  (e) => (e.resource.intent === undefined || e.resource.intent === 'plan' ? [] : [{ path: `${e.path}.intent`, rule: `${p}.intent` }]),
  cardinality(`${p}.period`, 'period.start', 1, 1),
  (e) => {
    const activities = select(e.node, 'activity');
    if (activities.length !== 1) return [{ path: activities[1]?.path ?? `${e.path}.activity`, rule: `${p}.activity` }];
    return select(activities[0]!, 'detail').length ? [] : [{ path: `${activities[0]!.path}.detail`, rule: `${p}.activity` }];
  },
  (e, r) => [
    ...select(e.node, 'activity.detail').flatMap((d) => cardinality(`${p}.performer`, 'performer', 1, 1)({ ...e, path: d.path, node: d }, r)),
    ...targets(`${p}.performer`, 'activity.detail.performer', ['organization'])(e, r),
  ],
];

const careForbidden = ['identifier', 'instantiatesCanonical', 'instantiatesUri', 'replaces', 'partOf', 'title', 'description', 'encounter', 'created',
  'author', 'contributor', 'careTeam', 'addresses', 'supportingInfo', 'goal', 'note', 'activity.outcomeCodeableConcept', 'activity.outcomeReference',
  'activity.progress', 'activity.reference', 'activity.detail.kind', 'activity.detail.instantiatesCanonical', 'activity.detail.instantiatesUri',
  'activity.detail.reasonCode', 'activity.detail.goal', 'activity.detail.doNotPerform', 'activity.detail.location', 'activity.detail.product[x]',
  'activity.detail.dailyAmount', 'activity.detail.quantity', 'activity.detail.description'];

/** klgateway-119-care-plan: the pathway (forløb). */
export const carePlanRules: Rule[] = [
  ...common('care-plan'),
  (e) => {
    const categories = select(e.node, 'category');
    if (categories.length !== 1) return [{ path: categories[1]?.path ?? `${e.path}.category`, rule: 'care-plan.category' }];
    const list = codings(categories[0]!);
    const ok = list.length === 1 && field(list[0]!, 'system') === system.klCareSocial && isCode('carePlanCategories119', str(field(list[0]!, 'code')) ?? '');
    return ok ? [] : [{ path: `${categories[0]!.path}.coding`, rule: 'care-plan.category' }];
  },
  (e) => select(e.node, 'activity.detail.statusReason').flatMap((sr) => {
    const list = codings(sr);
    const ok = list.length === 1 && field(list[0]!, 'system') === system.klCareSocial && isCode('cancellationReasons', str(field(list[0]!, 'code')) ?? '');
    return ok ? [] : [{ path: sr.path, rule: 'care-plan.status-reason' }];
  }),
  forbidden('care-plan.forbidden', [...careForbidden, 'basedOn', 'activity.detail.code', 'activity.detail.reasonReference']),
];

const extensionsOf = (n: Parameters<typeof select>[0], url: string) => select(n, 'extension').filter((x) => field(x, 'url') === url);

/** klgateway-119-planned-intervention: one planned intervention (indsats). */
export const plannedInterventionRules: Rule[] = [
  ...common('planned-intervention'),
  (e) => select(e.node, 'activity.detail').flatMap((d) => {
    const code = select(d, 'code')[0];
    const list = code ? codings(code) : [];
    if (!list.length) return [{ path: `${d.path}.code`, rule: 'planned-intervention.code' }];
    const level2 = list.filter((c) => field(c, 'system') === system.fsiii);
    const level3 = list.filter((c) => field(c, 'system') === system.localInterventions);
    return list.flatMap((c) => {
      const bad = level2.includes(c) ? !isReportableIntervention(str(field(c, 'code')) ?? '') || level2.indexOf(c) > 0
        : level3.includes(c) ? !str(field(c, 'code')) || !str(field(c, 'display')) || level3.indexOf(c) > 0 : true;
      return bad ? [{ path: c.path, rule: 'planned-intervention.code' }] : [];
    });
  }),
  (e) => select(e.node, 'activity.detail').flatMap((d) => {
    const found = extensionsOf(d, extensionUrl.deliveryType);
    if (found.length !== 1) return [{ path: found[1]?.path ?? `${d.path}.extension`, rule: 'planned-intervention.delivery-type' }];
    const value = field(found[0]!, 'valueCodeableConcept');
    const coding = isObject(value) && Array.isArray(value.coding) && value.coding.length === 1 ? value.coding[0] : undefined;
    const ok = isObject(coding) && coding.system === system.klCareSocial && isCode('deliveryTypes', str(coding.code) ?? '');
    return ok ? [] : [{ path: `${found[0]!.path}.valueCodeableConcept`, rule: 'planned-intervention.delivery-type' }];
  }),
  targets('planned-intervention.reason-reference', 'activity.detail.reasonReference', ['condition']),
  (e, r) => {
    const found = extensionsOf(e.node, extensionUrl.basedOnServiceRequest);
    return [...found.slice(1).map((n) => ({ path: n.path, rule: 'planned-intervention.based-on-service-request' })),
      ...found.slice(0, 1).flatMap((n) => {
        const target = r.byKey.get(referenceOf({ path: n.path, value: field(n, 'valueReference') ?? null }) ?? '');
        return target?.profile === 'serviceRequest' ? [] : [{ path: `${n.path}.valueReference`, rule: 'planned-intervention.based-on-service-request' }];
      })];
  },
  (e, r) => [...cardinality('planned-intervention.based-on', 'basedOn', 0, 1)(e, r), ...targets('planned-intervention.based-on', 'basedOn', ['carePlan'])(e, r)],
  forbidden('planned-intervention.forbidden', [...careForbidden, 'category', 'activity.detail.statusReason', 'activity.detail.scheduled[x]']),
];
