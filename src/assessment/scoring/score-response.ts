import type { AnswerEntry, Questionnaire, QuestionnaireItem } from '../fhir/questionnaire-types.ts';
import { EXT, extensionValue } from '../fhir/questionnaire-types.ts';
import { domains, type Domain, type GroupAnswers, type InstrumentResult } from './types.ts';
import { scoreWho5 } from './who5.ts';
import { scoreActivity, scoreAlcohol, scoreDiet, scoreSmoking } from './behaviour.ts';
import { scoreEveryday, scoreGoalsEnd, scoreGoalsFollowUp, scoreNetwork, scoreSelfRatedHealth, scoreSleep, scoreWhatMatters } from './wellbeing.ts';

/** Scoring rules by instrument code (the instrument extension on a questionnaire group). */
export const scorers: Record<string, (a: GroupAnswers) => InstrumentResult> = {
  who5: scoreWho5, srh: scoreSelfRatedHealth, activity: scoreActivity, alcohol: scoreAlcohol, smoking: scoreSmoking, diet: scoreDiet,
  network: scoreNetwork, sleep: scoreSleep, everyday: scoreEveryday, what_matters: scoreWhatMatters, goals_end: scoreGoalsEnd,
  goals_follow_up: scoreGoalsFollowUp,
};

const isDomain = (d: string | undefined): d is Domain => (domains as readonly string[]).includes(d ?? '');

/**
 * Scores every instrument group of a response. A group is scored when it names a known instrument;
 * its answers are passed keyed by linkId without the "<group linkId>." prefix, so a municipality's
 * own questionnaire can reuse the rules by following the built-in linkIds. Pure.
 */
export function scoreResponse(q: Questionnaire, answers: readonly AnswerEntry[]): InstrumentResult[] {
  const byLinkId = new Map(answers.map((e) => [e.linkId, e.answer]));
  const results: InstrumentResult[] = [];
  const visit = (items: readonly QuestionnaireItem[]) => {
    for (const item of items) {
      if (item.type !== 'group') continue;
      const instrument = extensionValue(item.extension, EXT.instrument)?.valueCode;
      const scorer = instrument ? scorers[instrument] : undefined;
      if (scorer) {
        const prefix = `${item.linkId}.`;
        const local = new Map([...descendants(item)].filter((l) => byLinkId.has(l)).map((l) => [l.startsWith(prefix) ? l.slice(prefix.length) : l, byLinkId.get(l)!]));
        const result = scorer(local);
        const domain = extensionValue(item.extension, EXT.domain)?.valueCode;
        results.push(isDomain(domain) ? { ...result, domain } : result);
      }
      visit(item.item ?? []);
    }
  };
  visit(q.item);
  return results;
}

function* descendants(item: QuestionnaireItem): Generator<string> {
  for (const child of item.item ?? []) {
    yield child.linkId;
    yield* descendants(child);
  }
}

/** The social-position answers of a response: item → value, from questions carrying the social-position extension. */
export function socialPositionAnswers(q: Questionnaire, answers: readonly AnswerEntry[]): { item: string; value: string }[] {
  const byLinkId = new Map(answers.map((e) => [e.linkId, e.answer]));
  const out: { item: string; value: string }[] = [];
  const visit = (items: readonly QuestionnaireItem[]) => items.forEach((i) => {
    const spItem = extensionValue(i.extension, EXT.socialPosition)?.valueCode;
    const value = byLinkId.get(i.linkId)?.[0]?.valueCoding?.code ?? byLinkId.get(i.linkId)?.[0]?.valueString;
    if (spItem && value) out.push({ item: spItem, value });
    visit(i.item ?? []);
  });
  visit(q.item);
  return out;
}
