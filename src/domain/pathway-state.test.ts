import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allowedEvents, carePlanActivityStatus, eventTypes, hasPathway, pathwayInvariantHolds, stages, transition,
  type CourseEvent, type EndOutcome, type EventType, type PathwayStatus, type State,
} from './pathway-state.ts';
import { cancellationReasonByDisplay, codesOf, interventionByDisplay } from './terminology.ts';

const reason = cancellationReasonByDisplay('Aktivt fravalg pga. logistik ifm. transport');
const notAReason = interventionByDisplay('Kostvejledning');

const sample: Record<EventType, CourseEvent> = {
  record_contact: { type: 'record_contact', reached: true },
  hold_clarifying_conversation: { type: 'hold_clarifying_conversation' },
  grant_pathway: { type: 'grant_pathway' },
  start_pathway: { type: 'start_pathway' },
  end_pathway: { type: 'end_pathway', outcome: 'completed' },
  follow_up: { type: 'follow_up' },
  close: { type: 'close', cancellationReason: reason },
  mark_entered_in_error: { type: 'mark_entered_in_error' },
};

describe('transition: every legal step', () => {
  const steps: [State, CourseEvent, State, PathwayStatus?][] = [
    ['received', { type: 'record_contact', reached: true }, 'contacted'],
    ['received', { type: 'record_contact', reached: false }, 'received'],
    ['received', { type: 'close', cancellationReason: reason }, 'closed'],
    ['received', { type: 'mark_entered_in_error' }, 'entered_in_error'],
    ['contacted', { type: 'record_contact', reached: true }, 'contacted'],
    ['contacted', { type: 'record_contact', reached: false }, 'contacted'],
    ['contacted', { type: 'hold_clarifying_conversation' }, 'clarified'],
    ['contacted', { type: 'close', cancellationReason: reason }, 'closed'],
    ['contacted', { type: 'mark_entered_in_error' }, 'entered_in_error'],
    ['clarified', { type: 'grant_pathway' }, 'planned', 'not-started'],
    ['clarified', { type: 'close', cancellationReason: reason }, 'closed'],
    ['clarified', { type: 'mark_entered_in_error' }, 'entered_in_error'],
    ['planned', { type: 'start_pathway' }, 'active', 'in-progress'],
    ['planned', { type: 'end_pathway', outcome: 'cancelled', cancellationReason: reason }, 'ended', 'cancelled'],
    ['planned', { type: 'mark_entered_in_error' }, 'entered_in_error', 'entered-in-error'],
    ['active', { type: 'end_pathway', outcome: 'completed' }, 'ended', 'completed'],
    ['active', { type: 'end_pathway', outcome: 'stopped', cancellationReason: reason }, 'ended', 'stopped'],
    ['active', { type: 'mark_entered_in_error' }, 'entered_in_error', 'entered-in-error'],
    ['ended', { type: 'follow_up' }, 'followed_up'],
    ['ended', { type: 'mark_entered_in_error' }, 'entered_in_error', 'entered-in-error'],
    ['followed_up', { type: 'mark_entered_in_error' }, 'entered_in_error', 'entered-in-error'],
    ['closed', { type: 'mark_entered_in_error' }, 'entered_in_error'],
  ];
  for (const [from, event, to, pathwayStatus] of steps) {
    it(`${from} --${event.type}${'outcome' in event ? `(${event.outcome})` : ''}${'reached' in event ? `(reached=${event.reached})` : ''}--> ${to}`, () => {
      assert.deepEqual(transition(from, event), pathwayStatus ? { ok: true, state: to, pathwayStatus } : { ok: true, state: to });
    });
  }

  it('the table covers every allowed event of every state', () => {
    for (const state of stages) {
      const covered = new Set(steps.filter(([from]) => from === state).map(([, e]) => e.type));
      assert.deepEqual([...covered].sort(), allowedEvents(state).sort(), state);
    }
  });
});

describe('transition: refusals', () => {
  it('every event outside allowedEvents is an illegal_transition listing the allowed events', () => {
    for (const state of stages) {
      for (const type of eventTypes.filter((t) => !allowedEvents(state).includes(t))) {
        assert.deepEqual(transition(state, sample[type]), { ok: false, code: 'illegal_transition', current: state, allowed: allowedEvents(state) }, `${state} ${type}`);
      }
    }
  });

  it('entered_in_error is final', () => {
    assert.deepEqual(allowedEvents('entered_in_error'), []);
  });

  it('a pathway that never started can only be cancelled', () => {
    const r = transition('planned', { type: 'end_pathway', outcome: 'completed' });
    assert.deepEqual(r, { ok: false, code: 'invalid_event', current: 'planned', allowed: allowedEvents('planned'), rule: 'end.outcome' });
    assert.equal(transition('planned', { type: 'end_pathway', outcome: 'stopped', cancellationReason: reason }).ok, false);
  });

  it('a started pathway is completed or stopped, not cancelled', () => {
    const r = transition('active', { type: 'end_pathway', outcome: 'cancelled', cancellationReason: reason });
    assert.equal(!r.ok && r.rule, 'end.outcome');
  });

  it('cancelled and stopped need a KL cancellation reason from the code list', () => {
    for (const cancellationReason of [undefined, '', notAReason, 'Aktivt fravalg']) {
      const stopped = transition('active', { type: 'end_pathway', outcome: 'stopped', ...(cancellationReason === undefined ? {} : { cancellationReason }) });
      assert.equal(!stopped.ok && stopped.code === 'invalid_event' && stopped.rule, 'cancellation_reason.required', String(cancellationReason));
      const cancelled = transition('planned', { type: 'end_pathway', outcome: 'cancelled', ...(cancellationReason === undefined ? {} : { cancellationReason }) });
      assert.equal(!cancelled.ok && cancelled.rule, 'cancellation_reason.required');
    }
  });

  it('completed must not carry a cancellation reason', () => {
    const r = transition('active', { type: 'end_pathway', outcome: 'completed', cancellationReason: reason });
    assert.equal(!r.ok && r.code === 'invalid_event' && r.rule, 'cancellation_reason.forbidden');
  });

  it('closing needs a KL cancellation reason', () => {
    const r = transition('contacted', { type: 'close', cancellationReason: notAReason });
    assert.deepEqual(r, { ok: false, code: 'invalid_event', current: 'contacted', allowed: allowedEvents('contacted'), rule: 'cancellation_reason.required' });
  });

  it('an unknown event type is an invalid_event', () => {
    const r = transition('received', { type: 'teleport' } as unknown as CourseEvent);
    assert.deepEqual(r, { ok: false, code: 'invalid_event', current: 'received', allowed: allowedEvents('received') });
  });
});

describe('carePlanActivityStatus', () => {
  it('maps states to the FHIR care-plan-activity-status', () => {
    assert.equal(carePlanActivityStatus('planned'), 'not-started');
    assert.equal(carePlanActivityStatus('active'), 'in-progress');
    for (const outcome of ['completed', 'cancelled', 'stopped'] as const) {
      assert.equal(carePlanActivityStatus('ended', outcome), outcome);
      assert.equal(carePlanActivityStatus('followed_up', outcome), outcome);
    }
    assert.equal(carePlanActivityStatus('entered_in_error'), 'entered-in-error');
    for (const state of ['received', 'contacted', 'clarified', 'closed'] as const) {
      assert.equal(carePlanActivityStatus(state), null);
      assert.equal(hasPathway(state), false);
    }
  });
});

describe('pathwayInvariantHolds', () => {
  it('reason present iff cancelled or stopped', () => {
    assert.equal(pathwayInvariantHolds('cancelled', reason), true);
    assert.equal(pathwayInvariantHolds('stopped', reason), true);
    assert.equal(pathwayInvariantHolds('completed', null), true);
    assert.equal(pathwayInvariantHolds('in-progress', undefined), true);
    assert.equal(pathwayInvariantHolds('cancelled', null), false);
    assert.equal(pathwayInvariantHolds('stopped', ''), false);
    assert.equal(pathwayInvariantHolds('completed', reason), false);
    assert.equal(pathwayInvariantHolds('not-started', reason), false);
  });
});

describe('property: random event sequences from received', () => {
  const reasonArb = fc.oneof(fc.constantFrom(...codesOf('cancellationReasons')), fc.constant(notAReason), fc.string({ maxLength: 3 }));
  const outcomeArb = fc.constantFrom<EndOutcome>('completed', 'cancelled', 'stopped');
  // Weighted so that most runs get past the early states before closing or marking an error.
  const eventArb: fc.Arbitrary<CourseEvent> = fc.oneof(
    { arbitrary: fc.boolean().map((reached) => ({ type: 'record_contact', reached }) as const), weight: 4 },
    { arbitrary: fc.constant({ type: 'hold_clarifying_conversation' } as const), weight: 4 },
    { arbitrary: fc.constant({ type: 'grant_pathway' } as const), weight: 4 },
    { arbitrary: fc.constant({ type: 'start_pathway' } as const), weight: 4 },
    {
      arbitrary: fc.record({ outcome: outcomeArb, cancellationReason: fc.option(reasonArb, { nil: undefined }) })
        .map(({ outcome, cancellationReason }) => ({ type: 'end_pathway', outcome, ...(cancellationReason === undefined ? {} : { cancellationReason }) }) as const),
      weight: 6,
    },
    { arbitrary: fc.constant({ type: 'follow_up' } as const), weight: 3 },
    { arbitrary: reasonArb.map((cancellationReason) => ({ type: 'close', cancellationReason }) as const), weight: 1 },
    { arbitrary: fc.constant({ type: 'mark_entered_in_error' } as const), weight: 1 },
  );
  const predecessors: Partial<Record<State, State[]>> = {
    contacted: ['received', 'contacted'],
    clarified: ['contacted'],
    planned: ['clarified'],
    active: ['planned'],
    ended: ['planned', 'active'],
    followed_up: ['ended'],
    closed: ['received', 'contacted', 'clarified'],
  };

  it('never reaches a state that breaks an invariant, and refusals list allowedEvents(current)', () => {
    const reached = new Set<string>();
    fc.assert(fc.property(fc.array(eventArb, { minLength: 10, maxLength: 120, size: 'max' }), (events) => {
      let state: State = 'received';
      let status: PathwayStatus | null = null;
      let pathwayReason: string | undefined;
      const history: State[] = [state];
      for (const event of events) {
        const result = transition(state, event);
        if (!result.ok) {
          assert.equal(result.current, state);
          assert.deepEqual(result.allowed, allowedEvents(state));
          if (result.code === 'illegal_transition') assert.ok(!allowedEvents(state).includes(event.type));
          continue;
        }
        assert.ok(allowedEvents(state).includes(event.type));
        const next = result.state;
        if (next !== state) assert.ok(next === 'entered_in_error' || predecessors[next]?.includes(state), `${state} -> ${next}`);
        if (result.pathwayStatus) status = result.pathwayStatus;
        if (event.type === 'end_pathway') pathwayReason = event.cancellationReason;
        if (next === 'closed') assert.ok(event.type === 'close' && codesOf('cancellationReasons').includes(event.cancellationReason));
        if (next === 'active') assert.equal(history.at(-1), 'planned');
        if (next === 'ended' || next === 'followed_up') {
          assert.ok(status === 'completed' || status === 'cancelled' || status === 'stopped');
          assert.ok(pathwayInvariantHolds(status, pathwayReason));
          if (pathwayReason !== undefined) assert.ok(codesOf('cancellationReasons').includes(pathwayReason));
          assert.equal(status === 'cancelled', !history.includes('active'));
          assert.ok(history.includes('planned'));
        }
        if (hasPathway(next) || next === 'entered_in_error') {
          const outcome: EndOutcome | undefined = status === 'completed' || status === 'cancelled' || status === 'stopped' ? status : undefined;
          if (hasPathway(next)) assert.equal(carePlanActivityStatus(next, outcome), status);
          else if (history.some(hasPathway)) assert.equal(status, 'entered-in-error');
        }
        state = next;
        history.push(state);
        reached.add(status && next !== 'closed' ? `${next}:${status}` : next);
      }
      if (state === 'entered_in_error') assert.deepEqual(allowedEvents(state), []);
    }), { numRuns: 2000 });
    for (const s of ['closed', 'ended:completed', 'ended:cancelled', 'ended:stopped', 'followed_up:completed', 'entered_in_error:entered-in-error']) {
      assert.ok(reached.has(s), `the generator reaches ${s}`);
    }
  });
});
