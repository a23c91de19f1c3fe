const S = 'https://ligevej.dk/fhir/CodeSystem/answer';
const sp = (item: string) => `https://ligevej.dk/fhir/CodeSystem/social-position-${item.replace(/_/g, '-')}`;
const coding = (code: string, system = S) => [{ valueCoding: { system, code } }];

/** A complete answer to the built-in baseline questionnaire; `who5` sets each of the five items (0-5). */
export function baselineAnswers(opts: { who5?: number[]; education?: string; unitsPerWeek?: number } = {}): { linkId: string; answer: unknown[] }[] {
  const who5 = opts.who5 ?? [2, 2, 2, 2, 2];
  return [
    { linkId: 'what_matters.important', answer: [{ valueString: 'At kunne lege med mine børnebørn' }] },
    { linkId: 'what_matters.goals', answer: [{ valueString: 'Gå 30 minutter hver dag' }, { valueString: 'Tabe 5 kg' }] },
    { linkId: 'what_matters.readiness', answer: coding('ready') },
    { linkId: 'srh.1', answer: coding('4') },
    ...who5.map((v, i) => ({ linkId: `who5.${i + 1}`, answer: coding(String(v)) })),
    { linkId: 'activity.minutes', answer: [{ valueInteger: 60 }] },
    { linkId: 'activity.days30', answer: [{ valueInteger: 2 }] },
    { linkId: 'smoking.status', answer: coding('daily') },
    { linkId: 'smoking.per_day', answer: [{ valueInteger: 15 }] },
    { linkId: 'smoking.wish_to_quit', answer: coding('yes') },
    { linkId: 'smoking.readiness', answer: coding('within_month') },
    { linkId: 'alcohol.units_week', answer: [{ valueInteger: opts.unitsPerWeek ?? 12 }] },
    { linkId: 'alcohol.heavy_days', answer: [{ valueInteger: 0 }] },
    { linkId: 'network.lonely', answer: coding('often') },
    { linkId: 'sleep.hours', answer: [{ valueInteger: 7 }] },
    { linkId: 'social_position.education', answer: coding(opts.education ?? 'primary', sp('education')) },
    { linkId: 'social_position.labour_market', answer: coding('sickness_benefit', sp('labour_market')) },
    { linkId: 'social_position.living_alone', answer: coding('prefer_not_to_say', sp('living_alone')) },
  ];
}
