/** The closed lists an offer, a place and a citizen's needs are described with (stored as these values). */
export const deliveryModes = ['group', 'individual', 'digital'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const timesOfDay = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];

/** Stratification sets the intensity of the offer (domain.md: light/digital … extended support). */
export const supportLevels = ['light', 'standard', 'extended'] as const;
export type SupportLevel = (typeof supportLevels)[number];

export const supportFeatures = ['transport_help', 'childcare', 'companion_welcome', 'interpreter', 'step_free'] as const;
export type SupportFeature = (typeof supportFeatures)[number];

/** Barriers stored on the citizen. */
export const barriers = ['transport', 'childcare', 'companion'] as const;
export type Barrier = (typeof barriers)[number];

/** Mobile teams visit rural districts; health houses sit in social-housing areas. */
export const placeKinds = ['health_centre', 'health_house', 'mobile', 'community', 'online'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** Morning before 12, afternoon before 17, evening after: the time of day of a local start time HH:MM. */
export function timeOfDayOf(startTime: string): TimeOfDay {
  const hour = Number(startTime.slice(0, 2));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}
