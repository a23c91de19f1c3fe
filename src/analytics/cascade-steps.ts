import type { Label } from '../domain/social-position.ts';

/**
 * The steps of the pathway the equity cascade counts. A referral counts at a step when it got at
 * least that far, so every step is a subset of the one before (a citizen who came to a clarifying
 * conversation without a registered "reached" call still counts as reached). "Completed" is the
 * course ended as completed; "followed up" is a completer seen at follow-up (STOPbasen's follow-up
 * of completers). "Bridged" is a followed-up completer with a bridge to a local association offer
 * recorded on this referral (bridged_at, not entered in error), whenever the bridge was made: the
 * cascade's last step, so a bridge for a citizen who did not complete or was not followed up shows
 * in the bridge-building records but not in the cascade, and the steps stay nested.
 */
export const cascadeSteps = ['referred', 'reached', 'clarified', 'started', 'completed', 'followed_up', 'bridged'] as const;
export type CascadeStep = (typeof cascadeSteps)[number];

const completed = `outcome = 'completed'`;
const started = `(started_at IS NOT NULL OR ${completed})`;
const clarified = `(clarified_at IS NOT NULL OR ${started})`;
const followedUp = `(${completed} AND followed_up_at IS NOT NULL)`;

/** SQL conditions on pathway_fact columns: constants, never built from input. */
export const reachedStep: Record<CascadeStep, string> = {
  referred: 'true',
  reached: `(first_contact_at IS NOT NULL OR ${clarified})`,
  clarified,
  started,
  completed,
  followed_up: followedUp,
  bridged: `(${followedUp} AND bridged_at IS NOT NULL)`,
};

export const stepLabels: Record<CascadeStep, Label> = {
  referred: { da: 'Henvist', en: 'Referred' },
  reached: { da: 'Kontakt opnået', en: 'Reached' },
  clarified: { da: 'Afklarende samtale', en: 'Clarifying conversation' },
  started: { da: 'Startet', en: 'Started' },
  completed: { da: 'Gennemført', en: 'Completed' },
  followed_up: { da: 'Fulgt op', en: 'Followed up' },
  bridged: { da: 'Brobygget til forening', en: 'Bridged to an association' },
};
