import { isCode } from './terminology.ts';

/**
 * The course of one referral (Sundhedsstyrelsen's model for §119 offers) as a state machine.
 * received → contacted → clarified → planned → active → ended → followed_up; 'closed' ends a course
 * that never got a pathway; 'entered_in_error' is reachable from every other state.
 */
export const stages = ['received', 'contacted', 'clarified', 'planned', 'active', 'ended', 'followed_up', 'closed', 'entered_in_error'] as const;
export type State = (typeof stages)[number];

export type EndOutcome = 'completed' | 'cancelled' | 'stopped';
export type CourseEvent =
  | { type: 'record_contact'; reached: boolean }
  | { type: 'hold_clarifying_conversation' }
  | { type: 'grant_pathway' }
  | { type: 'start_pathway' }
  | { type: 'end_pathway'; outcome: EndOutcome; cancellationReason?: string }
  | { type: 'follow_up' }
  | { type: 'close'; cancellationReason: string }
  | { type: 'mark_entered_in_error' };
export type EventType = CourseEvent['type'];
export const eventTypes: readonly EventType[] = [
  'record_contact', 'hold_clarifying_conversation', 'grant_pathway', 'start_pathway', 'end_pathway', 'follow_up', 'close', 'mark_entered_in_error',
];

/** FHIR care-plan-activity-status of the pathway CarePlan. */
export type PathwayStatus = 'not-started' | 'in-progress' | EndOutcome | 'entered-in-error';

const legal: Record<State, readonly EventType[]> = {
  received: ['record_contact', 'close', 'mark_entered_in_error'],
  contacted: ['record_contact', 'hold_clarifying_conversation', 'close', 'mark_entered_in_error'],
  clarified: ['grant_pathway', 'close', 'mark_entered_in_error'],
  planned: ['start_pathway', 'end_pathway', 'mark_entered_in_error'],
  active: ['end_pathway', 'mark_entered_in_error'],
  ended: ['follow_up', 'mark_entered_in_error'],
  followed_up: ['mark_entered_in_error'],
  closed: ['mark_entered_in_error'],
  entered_in_error: [],
};

export const allowedEvents = (state: State): EventType[] => [...legal[state]];

/** States in which a pathway CarePlan exists (granted and not entered in error). */
export const hasPathway = (state: State): boolean => state === 'planned' || state === 'active' || state === 'ended' || state === 'followed_up';

/**
 * The pathway's activity status in a state; `outcome` is needed for 'ended' and 'followed_up'.
 * null when there is no pathway: before it is granted, or closed without one.
 */
export function carePlanActivityStatus(state: State, outcome?: EndOutcome): PathwayStatus | null {
  switch (state) {
    case 'planned': return 'not-started';
    case 'active': return 'in-progress';
    case 'ended':
    case 'followed_up': return outcome ?? null;
    case 'entered_in_error': return 'entered-in-error';
    default: return null;
  }
}

/** klgateway-119-care-plan-1: a cancellation reason is present if and only if the status is cancelled or stopped. */
export const pathwayInvariantHolds = (status: string, cancellationReason: string | null | undefined): boolean =>
  (cancellationReason !== null && cancellationReason !== undefined && cancellationReason !== '') === (status === 'cancelled' || status === 'stopped');

export type TransitionRule = 'end.outcome' | 'cancellation_reason.required' | 'cancellation_reason.forbidden';
export type TransitionResult =
  | { ok: true; state: State; pathwayStatus?: PathwayStatus }
  | { ok: false; code: 'illegal_transition' | 'invalid_event'; current: State; allowed: EventType[]; rule?: TransitionRule };

const refuse = (current: State, code: 'illegal_transition' | 'invalid_event', rule?: TransitionRule): TransitionResult =>
  ({ ok: false, code, current, allowed: allowedEvents(current), ...(rule ? { rule } : {}) });

const isCancellationReason = (code: string | undefined): boolean => typeof code === 'string' && isCode('cancellationReasons', code);

/**
 * One step. `pathwayStatus` is set when the step changes the pathway CarePlan's activity status.
 * Refusals: 'illegal_transition' when the event is not allowed in the state, 'invalid_event' when it
 * is allowed but its data breaks a rule (or its type is unknown).
 */
export function transition(state: State, event: CourseEvent): TransitionResult {
  if (!eventTypes.includes(event.type)) return refuse(state, 'invalid_event');
  if (!legal[state].includes(event.type)) return refuse(state, 'illegal_transition');
  switch (event.type) {
    case 'record_contact':
      return { ok: true, state: event.reached ? 'contacted' : state };
    case 'hold_clarifying_conversation':
      return { ok: true, state: 'clarified' };
    case 'grant_pathway':
      return { ok: true, state: 'planned', pathwayStatus: 'not-started' };
    case 'start_pathway':
      return { ok: true, state: 'active', pathwayStatus: 'in-progress' };
    case 'end_pathway': {
      // Never started → cancelled; started → completed or stopped.
      const outcomes: EndOutcome[] = state === 'planned' ? ['cancelled'] : ['completed', 'stopped'];
      if (!outcomes.includes(event.outcome)) return refuse(state, 'invalid_event', 'end.outcome');
      if (event.outcome === 'completed') {
        if (event.cancellationReason !== undefined) return refuse(state, 'invalid_event', 'cancellation_reason.forbidden');
      } else if (!isCancellationReason(event.cancellationReason)) {
        return refuse(state, 'invalid_event', 'cancellation_reason.required');
      }
      return { ok: true, state: 'ended', pathwayStatus: event.outcome };
    }
    case 'follow_up':
      return { ok: true, state: 'followed_up' };
    case 'close':
      if (!isCancellationReason(event.cancellationReason)) return refuse(state, 'invalid_event', 'cancellation_reason.required');
      return { ok: true, state: 'closed' };
    case 'mark_entered_in_error':
      return hasPathway(state) ? { ok: true, state: 'entered_in_error', pathwayStatus: 'entered-in-error' } : { ok: true, state: 'entered_in_error' };
  }
}
