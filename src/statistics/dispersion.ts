import { estimate, noEstimate, ratioOrNull, type Estimate } from './estimate.ts';
import { weightedSum, type Population } from './population.ts';

/** The measures that do not need an order of the groups (equity-measures.md, "Summary measures"). */
export interface DispersionMeasures {
  par: Estimate; paf: Estimate; bgv: Estimate; mdm: Estimate; mdb: Estimate;
  idis: Estimate; idisw: Estimate; theil: Estimate; mld: Estimate;
}

/**
 * PAR = y_ref − μ; PAF = PAR / μ; BGV = Σ p_j (y_j − μ)²; MDM = Σ p_j |y_j − μ|;
 * MDB = Σ p_j |y_j − y_ref|; IDis = (1/J) Σ |y_j − μ| / μ; IDisW = Σ p_j |y_j − μ| / μ;
 * Theil = Σ p_j (y_j/μ) ln(y_j/μ) with 0·ln 0 = 0; MLD = Σ p_j (−ln(y_j/μ)).
 * Null where a denominator is zero: μ = 0 for the relative ones, no reference rate for PAR, PAF and
 * MDB, an empty group for IDis (its unweighted mean needs every y_j), some y_j = 0 for MLD.
 */
export function dispersionMeasures(pop: Population | null, referenceRate: number | null): DispersionMeasures {
  if (pop === null) {
    return { par: noEstimate, paf: noEstimate, bgv: noEstimate, mdm: noEstimate, mdb: noEstimate, idis: noEstimate, idisw: noEstimate, theil: noEstimate, mld: noEstimate };
  }
  const { mu } = pop;
  const par = referenceRate === null ? null : referenceRate - mu;
  const mdm = weightedSum(pop, (y) => Math.abs(y - mu));
  const everyGroupHasPeople = pop.groups.every((g) => g.y !== null);
  const idis = everyGroupHasPeople && mu > 0
    ? pop.groups.reduce((s, g) => s + Math.abs(g.y! - mu), 0) / pop.groups.length / mu
    : null;
  const someRateIsZero = pop.groups.some((g) => g.y === 0);
  return {
    par: estimate(par),
    paf: estimate(ratioOrNull(par, mu)),
    bgv: estimate(weightedSum(pop, (y) => (y - mu) ** 2)),
    mdm: estimate(mdm),
    mdb: estimate(referenceRate === null ? null : weightedSum(pop, (y) => Math.abs(y - referenceRate))),
    idis: estimate(idis),
    idisw: estimate(ratioOrNull(mdm, mu)),
    theil: estimate(mu > 0 ? weightedSum(pop, (y) => (y === 0 ? 0 : (y / mu) * Math.log(y / mu))) : null),
    mld: estimate(mu > 0 && !someRateIsZero ? weightedSum(pop, (y) => -Math.log(y / mu)) : null),
  };
}
