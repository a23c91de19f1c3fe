import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { AppError, httpStatusOf, type FieldProblem } from '../shared/errors.ts';
import { ruleMessage, t, type Language } from '../shared/i18n.ts';
import { problemsFromZodIssue } from '../shared/validation.ts';
import type { z } from 'zod';

export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; rule: string; message: string }[] };
}

export function renderError(lang: Language, err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: t(lang, err.messageKey, err.params),
      fields: err.fields.map((f) => ({ path: f.path, rule: f.rule, message: ruleMessage(lang, f.path, f.rule, f.params) })),
    },
  };
}

/** The one place where errors become HTTP responses. Nothing about the request body is echoed back. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  const lang = req.lang ?? 'da';
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as FastifyError).validationContext;
    const prefix = context && context !== 'body' ? context.replace('querystring', 'query') : '';
    const fields: FieldProblem[] = err.validation.flatMap((v) =>
      problemsFromZodIssue({ ...(v.params as object), code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message } as unknown as z.core.$ZodIssue, prefix),
    );
    appError = new AppError('validation_failed', 'error.validation_failed', { count: fields.length }, fields);
  } else if (isResponseSerializationError(err)) {
    appError = internal(req, err);
  } else if (typeof (err as FastifyError).statusCode === 'number' && (err as FastifyError).statusCode! < 500) {
    const status = (err as FastifyError).statusCode!;
    if (status === 429) {
      reply.code(429).send({ error: { code: 'rate_limited', message: t(lang, 'error.rate_limited'), fields: [] } });
      return;
    }
    const body = { error: { code: 'bad_request', message: t(lang, 'error.bad_request', { detail: (err as FastifyError).code ?? 'invalid' }), fields: [] } };
    reply.code(status).send(body);
    return;
  } else {
    appError = internal(req, err);
  }
  reply.code(httpStatusOf[appError.code]).send(renderError(lang, appError));
}

function internal(req: FastifyRequest, err: Error): AppError {
  const reference = randomUUID().slice(0, 8);
  // Log the error class and stack only: messages from the database can quote row values.
  req.log.error({ reference, name: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') }, 'unhandled error');
  return new AppError('internal', 'error.internal', { reference });
}
