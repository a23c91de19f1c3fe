import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InequalityInputSchema } from '../statistics/inequality-input.ts';
import { measureInequality, summaryMeasureNames, type InequalityResult } from '../statistics/inequality.ts';
import type { Estimate } from '../statistics/estimate.ts';
import { problemsFromZodError } from '../shared/validation.ts';
import { ruleMessage, t, type Language } from '../shared/i18n.ts';

const lang: Language = 'da';

/**
 * `ligevej stats inequality --input FILE.json [--output FILE.json]`: the equity measures of
 * equity-measures.md for one outcome across groups, so anyone can check the numbers by hand.
 * Exit 0 with the result, 1 on invalid input (each problem names its field), 2 on wrong usage.
 */
export async function statsCommand(args: string[]): Promise<number> {
  const parsed = parseOptions(args);
  if (!parsed) {
    process.stderr.write(`${t(lang, 'cli.stats.usage')}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(parsed.input, 'utf8');
  } catch (err) {
    process.stderr.write(`${t(lang, 'cli.file_unreadable', { file: parsed.input, detail: (err as NodeJS.ErrnoException).code ?? String(err) })}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`${t(lang, 'cli.json_invalid', { file: parsed.input, detail: err instanceof Error ? err.message : String(err) })}\n`);
    return 1;
  }
  const input = InequalityInputSchema.safeParse(json);
  if (!input.success) {
    const problems = problemsFromZodError(input.error);
    process.stderr.write(`${t(lang, 'cli.input_invalid', { file: parsed.input, count: problems.length })}\n`);
    for (const p of problems) process.stderr.write(`  ${ruleMessage(lang, p.path, p.rule, p.params)}\n`);
    return 1;
  }
  const output = `${JSON.stringify(calculatorOutput(measureInequality(input.data)), null, 2)}\n`;
  if (parsed.output) await writeFile(parsed.output, output);
  else process.stdout.write(output);
  return 0;
}

function parseOptions(args: string[]): { input: string; output: string | undefined } | null {
  try {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { input: { type: 'string' }, output: { type: 'string' } } });
    if (positionals.length !== 1 || positionals[0] !== 'inequality' || !values.input) return null;
    return { input: values.input, output: values.output };
  } catch {
    return null;
  }
}

const plain = (e: Estimate) => ({ value: e.value, ci_low: e.ciLow, ci_high: e.ciHigh });

/** The output shape issue 6 fixes: plain numbers or null, rates as proportions, snake_case. */
export function calculatorOutput(result: InequalityResult) {
  return {
    groups: result.groups.map((g) => ({
      label: g.label, n: g.n, events: g.events, rate: g.rate.value, ci_low: g.rate.ciLow, ci_high: g.rate.ciHigh,
      difference: plain(g.difference), ratio: plain(g.ratio),
    })),
    measures: Object.fromEntries(summaryMeasureNames.map((k) => [k, plain(result.measures[k])])),
  };
}
