/**
 * A public name must never label its target group ("walking for the unemployed"): the name is what the
 * citizen says to family and neighbours. Words that name a social position, a vulnerability or origin
 * are refused; diseases may be named (the offer is for people with that disease).
 */
const labellingStems = [
  'ledig', 'arbejdsløs', 'kontanthjælp', 'førtidspension', 'pensionist', 'sårbar', 'udsat', 'socialt', 'misbrug', 'hjemløs',
  'indvandrer', 'flygtning', 'etnisk', 'ikke-vestlig', 'fremmedsprog', 'minoritet', 'overvægtig', 'fed ', 'tyk', 'lavt uddann',
  'kortuddann', 'ufaglært', 'unemployed', 'vulnerable', 'immigrant', 'refugee', 'obese', 'poor', 'fattig', 'psykisk syg',
];

export function labelsTargetGroup(name: string): string | null {
  const text = ` ${name.toLowerCase()} `;
  return labellingStems.find((stem) => text.includes(stem)) ?? null;
}
