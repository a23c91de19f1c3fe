import type { MessageKey } from './i18n.ts';

export interface FieldProblem {
  path: string;
  rule: string;
  /** Message parameters, e.g. { max: 10 }; the message text is rendered per request language. */
  params?: Record<string, string | number>;
}

/** Every error the domain or services raise. Mapped to HTTP in one place (http/error-handler.ts). */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
  readonly fields: FieldProblem[];

  constructor(code: AppErrorCode, messageKey: MessageKey, params: Record<string, string | number> = {}, fields: FieldProblem[] = []) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.fields = fields;
  }
}

export type AppErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'illegal_transition'
  | 'version_conflict'
  | 'precondition_required'
  | 'idempotency_key_reused'
  | 'duplicate'
  | 'unauthenticated'
  | 'forbidden'
  | 'internal';

export const httpStatusOf: Record<AppErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  illegal_transition: 409,
  version_conflict: 412,
  precondition_required: 428,
  idempotency_key_reused: 422,
  duplicate: 409,
  unauthenticated: 401,
  forbidden: 403,
  internal: 500,
};

export const validationError = (fields: FieldProblem[]): AppError =>
  new AppError('validation_failed', 'error.validation_failed', { count: fields.length }, fields);

export const notFound = (resource: string): AppError => new AppError('not_found', 'error.not_found', { resource });
