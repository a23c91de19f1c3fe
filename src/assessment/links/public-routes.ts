import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { ruleMessage, t, type Language } from '../../shared/i18n.ts';
import { ErrorBodySchema } from '../../shared/schemas.ts';
import { Answers } from '../response-schemas.ts';
import { publicView, saveDraft, submit, withLink, type Outcome, type Refusal } from './public-service.ts';

const tags = ['citizen self-completion (public)'];
const headers = z.object({
  authorization: z.string().optional().describe('Bearer <token> — the token from the personal link\'s fragment (…/svar#<token>)'),
  'x-birth-date': z.iso.date().optional().describe('The citizen\'s birth date (YYYY-MM-DD), when the link asks for it'),
});
/** The citizen page words the refusal itself from its code, in the citizen's language; `remaining` feeds "you have N tries left". */
const PublicErrorBody = z.object({ error: ErrorBodySchema.shape.error.extend({
  remaining: z.number().int().optional().describe('Birth-date tries left'),
  phone: z.string().optional().describe('The health centre\'s phone number, for the citizen to call'),
}) });
const errors = { 400: PublicErrorBody, 401: PublicErrorBody, 404: PublicErrorBody, 410: PublicErrorBody, 412: PublicErrorBody };
const lang = z.string().regex(/^[a-z]{2,3}$/).default('da');

const tokenOf = (req: FastifyRequest): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
const birthDateOf = (req: FastifyRequest): string | undefined => {
  const v = req.headers['x-birth-date'];
  return typeof v === 'string' ? v : undefined;
};

/** A kind, clear message: what happened and whom to call. Danish unless the browser prefers English. */
function refusalBody(l: Language, r: Refusal) {
  if (r.kind === 'invalid') {
    if (r.status === 412) return { error: { code: 'version_conflict', message: t(l, 'link.saved_elsewhere'), fields: [] } };
    return { error: { code: 'validation_failed', message: t(l, 'error.validation_failed', { count: r.problems.length }), fields: r.problems.map((p) => ({ path: p.path, rule: p.rule, message: ruleMessage(l, p.path, p.rule, p.params) })) } };
  }
  const phone = r.phone ? t(l, 'link.phone', { phone: r.phone }) : '';
  const message = r.kind === 'birth_date'
    ? t(l, r.code === 'birth_date_required' ? 'link.birth_date_required' : 'link.birth_date_wrong', { remaining: r.remaining })
    : t(l, `link.${r.code.slice(5) as 'unknown' | 'expired' | 'used' | 'revoked' | 'locked'}`, { phone });
  return { error: { code: r.code, message, fields: [], ...(r.kind === 'birth_date' ? { remaining: r.remaining } : {}), ...(r.phone ? { phone: r.phone } : {}) } };
}

async function send<T>(req: FastifyRequest, reply: FastifyReply, outcome: Outcome<T>): Promise<T> {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (outcome.ok) return outcome.value;
  await reply.code(outcome.refusal.status).send(refusalBody(req.lang, outcome.refusal));
  return reply as unknown as T;
}

/**
 * The citizen's side of a personal link: no account, the token in the Authorization header (taken
 * from the link's fragment by the page), optionally the birth date as a second check.
 */
export function publicQuestionnaireRoutes(app: Router, deps: Deps): void {
  app.get('/api/public/questionnaire', {
    config: { policy: 'public', access: 'public' },
    schema: {
      tags, summary: 'Open a personal link: the questionnaire in the chosen language (fallback Danish), answers saved so far, the languages offered (rtl for Arabic, Farsi, Urdu). An expired or used link gets a clear message with the health centre\'s phone number (410).',
      headers, querystring: z.object({ lang: z.string().regex(/^[a-z]{2,3}$/).optional().describe('Default: the language the link was sent in') }),
      response: { 200: z.object({
        timePoint: z.string(), expiresAt: z.string(), contactPhone: z.string().nullable(), language: z.string(), direction: z.enum(['ltr', 'rtl']),
        languages: z.array(z.object({ code: z.string(), name: z.string(), direction: z.enum(['ltr', 'rtl']) })),
        questionnaire: z.looseObject({ resourceType: z.literal('Questionnaire') }),
        answers: z.array(z.looseObject({ linkId: z.string(), answer: z.array(z.looseObject({})) })).describe('Flat FHIR answers saved so far'),
        responseVersion: z.number().describe('Send it with the next save; 0 before the first'), missingRequired: z.array(z.string()),
      }), ...errors },
    },
  }, async (req, reply) => send(req, reply, await withLink(deps.db, tokenOf(req), deps.clock(), birthDateOf(req), {}, async (tx, link) => ({ ok: true, value: await publicView(tx, link, req.query.lang) }))));

  app.put('/api/public/questionnaire/answers', {
    config: { policy: 'public', access: 'public' },
    schema: {
      tags, summary: 'Save answers as the citizen goes (resume later from any device with the link); version is the responseVersion last seen',
      headers, body: z.strictObject({ version: z.number().int().min(0), language: lang, answers: Answers }),
      response: { 200: z.object({ version: z.number(), savedAt: z.string(), missingRequired: z.array(z.string()) }), ...errors },
    },
  }, async (req, reply) => send(req, reply, await withLink(deps.db, tokenOf(req), deps.clock(), birthDateOf(req), {}, (tx, link, actor) => saveDraft(tx, link, actor, deps.clock(), req.body))));

  app.post('/api/public/questionnaire/submit', {
    config: { policy: 'public', access: 'public' },
    schema: {
      tags, summary: 'Submit the answers: checks required questions, completes the response and uses up the link. Submitting twice creates one response (the second answer says alreadySubmitted).',
      headers, body: z.strictObject({ language: lang, answers: Answers }),
      response: { 200: z.object({ responseId: z.uuid(), submittedAt: z.string(), alreadySubmitted: z.boolean() }), ...errors },
    },
  }, async (req, reply) => send(req, reply, await withLink(deps.db, tokenOf(req), deps.clock(), birthDateOf(req), { allowUsed: true }, (tx, link, actor) => submit(tx, link, actor, deps.clock(), req.body))));
}
