import { z } from 'zod';
import { isMessageKey, t, type Language } from '../../shared/i18n.ts';
import type { Flag, InstrumentResult } from './types.ts';

export const FlagOut = z.object({
  code: z.string(), severity: z.enum(['info', 'attention', 'concern']), message: z.string(),
});
export const ValueOut = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]);
export const InstrumentResultOut = z.object({
  instrument: z.string(), domain: z.string(), score: z.number().nullable(),
  values: z.record(z.string(), ValueOut), flags: z.array(FlagOut),
});

export function flagOut(lang: Language, f: Flag): z.infer<typeof FlagOut> {
  const key = `flag.${f.code}`;
  return { code: f.code, severity: f.severity, message: isMessageKey(key) ? t(lang, key, f.params) : f.code };
}

export const resultOut = (lang: Language, r: InstrumentResult): z.infer<typeof InstrumentResultOut> =>
  ({ instrument: r.instrument, domain: r.domain, score: r.score, values: r.values, flags: r.flags.map((f) => flagOut(lang, f)) });
