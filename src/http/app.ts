import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorForToken } from '../auth/sessions.ts';
import { AppError } from '../shared/errors.ts';
import { languageFrom } from '../shared/i18n.ts';
import { errorHandler } from './error-handler.ts';
import type { Deps } from './deps.ts';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { registerFeatureRoutes } from './routes.ts';
import { registerWebApp } from '../webapp/serve.ts';



export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: 'info', redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.body'], remove: true } }
      : false,
    // Request logging stays on when the logger is: URLs never carry CPR numbers (lookups are POST bodies).
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    errorHandler(new AppError('not_found', 'error.not_found', { resource: req.method + ' ' + req.url.split('?')[0] }), req, reply);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ligevej API',
        version: '0.1.0',
        description: 'Health Act §119 prevention pathways. Errors: { error: { code, message, fields: [{ path, rule, message }] } } in Danish or English by Accept-Language. Every POST accepts an Idempotency-Key header; updates need the version (body or If-Match).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'da');
  app.addHook('onRequest', async (req) => {
    req.lang = languageFrom(req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await actorForToken(deps.db, token, deps.clock()) : null;
  });
  // Every route declares its access; one that does not is refused rather than left open.
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === 'public') return;
    if (!req.actor) throw new AppError('unauthenticated', 'error.unauthenticated');
    if (!access || !access.includes(req.actor.role)) throw new AppError('forbidden', 'error.forbidden', { role: req.actor.role });
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await registerFeatureRoutes(typed, deps);
  // The staff web app (web/, built into web/dist) under /, when it has been built.
  await registerWebApp(app);
  return app;
}
