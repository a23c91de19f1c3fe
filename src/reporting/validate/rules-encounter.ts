import { isCode } from '../../domain/terminology.ts';
import { actEncounterCodes, extensionUrl, system } from '../profiles.ts';
import { cardinality, field, forbidden, referenceOf, select, str, targets, type Rule } from './select.ts';

/** klgateway-119-encounter: a contact (the first planned visit and every activity delivered). */
export const encounterRules: Rule[] = [
  (e) => select(e.node, 'class').flatMap((c) => {
    const sys = field(c, 'system');
    const code = str(field(c, 'code')) ?? '';
    const ok = sys === system.v3ActCode ? actEncounterCodes.includes(code) : sys === system.klCareSocial && isCode('encounterClassExtra', code);
    return ok ? [] : [{ path: c.path, rule: 'encounter.class' }];
  }),
  (e, r) => [...cardinality('encounter.period', 'period.start', 1, 1)(e, r), ...cardinality('encounter.period', 'period.end', 1, 1)(e, r)],
  (e, r) => {
    const found = select(e.node, 'extension').filter((x) => field(x, 'url') === extensionUrl.basedOnCarePlan);
    return [...found.slice(1).map((n) => ({ path: n.path, rule: 'encounter.based-on-care-plan' })),
      ...found.slice(0, 1).flatMap((n) => {
        const target = r.byKey.get(referenceOf({ path: n.path, value: field(n, 'valueReference') ?? null }) ?? '');
        return target?.profile === 'carePlan' || target?.profile === 'plannedIntervention' ? [] : [{ path: `${n.path}.valueReference`, rule: 'encounter.based-on-care-plan' }];
      })];
  },
  (e, r) => [...cardinality('encounter.based-on', 'basedOn', 0, 1)(e, r), ...targets('encounter.based-on', 'basedOn', ['serviceRequest'])(e, r)],
  forbidden('encounter.forbidden', ['identifier', 'statusHistory', 'classHistory', 'type', 'serviceType', 'priority', 'episodeOfCare', 'participant',
    'appointment', 'length', 'reasonCode', 'reasonReference', 'diagnosis', 'account', 'hospitalization', 'location', 'serviceProvider', 'partOf',
    'class.version', 'class.display', 'class.userSelected']),
];
