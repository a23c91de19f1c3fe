import { z } from 'zod';
import type { InequalityInput } from './groups.ts';

const count = z.number().int().min(0);

/**
 * The calculator's input (issue 6): counts are non-negative integers, events never exceed n, labels
 * are unique, and every group of an ordered dimension has a unique order. Problems carry the field's
 * path and a rule name; the caller renders them in the user's language.
 */
export const InequalityInputSchema = z.strictObject({
  dimension: z.string().min(1),
  ordered: z.boolean(),
  favourable: z.boolean(),
  reference: z.string().optional(),
  groups: z.array(z.strictObject({ label: z.string().min(1), order: z.number().finite().optional(), n: count, events: count })).min(1),
}).superRefine((input, ctx) => {
  const labels = new Set<string>();
  const orders = new Set<number>();
  input.groups.forEach((g, i) => {
    if (g.n >= 0 && g.events > g.n) ctx.addIssue({ code: 'custom', path: ['groups', i, 'events'], params: { rule: 'inequality.events_above_n', n: g.n }, message: 'events > n' });
    if (labels.has(g.label)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'label'], params: { rule: 'inequality.duplicate_label', label: g.label }, message: 'duplicate label' });
    labels.add(g.label);
    if (!input.ordered) return;
    if (g.order === undefined) ctx.addIssue({ code: 'custom', path: ['groups', i, 'order'], params: { rule: 'inequality.order_required' }, message: 'order required' });
    else if (orders.has(g.order)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'order'], params: { rule: 'inequality.duplicate_order', order: g.order }, message: 'duplicate order' });
    if (g.order !== undefined) orders.add(g.order);
  });
  if (input.reference !== undefined && !labels.has(input.reference)) {
    ctx.addIssue({ code: 'custom', path: ['reference'], params: { rule: 'inequality.reference_unknown', reference: input.reference }, message: 'unknown reference' });
  }
});

export type ParsedInequalityInput = z.infer<typeof InequalityInputSchema> & InequalityInput;
