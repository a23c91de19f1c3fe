import type { z } from 'zod';
import type { FieldProblem } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** Turns one zod issue into field problems with a stable rule name (rendered per language later). */
export function problemsFromZodIssue(issue: Issue, prefix = ''): FieldProblem[] {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, rule: /received undefined/.test(issue.message) ? 'required' : 'type', params: { expected: String(issue.expected) } }];
    case 'too_small':
      return [{ path, rule: issue.origin === 'string' ? 'min_length' : issue.origin === 'array' ? 'min_items' : 'min', params: { min: Number(issue.minimum) } }];
    case 'too_big':
      return [{ path, rule: issue.origin === 'string' ? 'max_length' : issue.origin === 'array' ? 'max_items' : 'max', params: { max: Number(issue.maximum) } }];
    case 'invalid_format':
      return [{ path, rule: ['uuid', 'date', 'datetime'].includes(issue.format) ? `format.${issue.format}` : 'format.regex' }];
    case 'invalid_value':
      return [{ path, rule: 'enum', params: { allowed: issue.values.map(String).join(', ') } }];
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: [path === '(root)' ? '' : path, k].filter(Boolean).join('.'), rule: 'unknown_field' }));
    case 'custom': {
      const params = (issue.params ?? {}) as { rule?: string } & Record<string, string | number>;
      const { rule = 'generic', ...rest } = params;
      return [{ path, rule, params: rest }];
    }
    case 'invalid_union':
      return [{ path, rule: 'type', params: { expected: 'one of the allowed shapes' } }];
    default:
      return [{ path, rule: 'generic', params: { rule: issue.code } }];
  }
}

export function problemsFromZodError(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((i) => problemsFromZodIssue(i, prefix));
}
