import type { Label } from '../domain/social-position.ts';
import { equityDimensions, referenceOf, type EquityDimensionKey } from './equity-dimensions.ts';
import { appliedFilters, type EquityFilter } from './equity-filters.ts';

/** What every equity response repeats, so a shared link or an export says what it shows. */
export function equityContext(query: EquityFilter, key: EquityDimensionKey, lang: keyof Label) {
  const d = equityDimensions[key];
  return {
    period: { from: query.from, to: query.to }, filters: appliedFilters(query),
    dimension: { key, label: d.label[lang], ordered: d.ordered, reference: referenceOf(d) },
  };
}
