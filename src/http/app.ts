import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.ts';
import { languageFrom } from '../shared/i18n.ts';
import { errorHandler } from './error-handler.ts';
import type { Deps } from './deps.ts';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { registerFeatureRoutes } from './routes.ts';
import { registerWebApp } from '../webapp/serve.ts';
import { securityRoutes } from './security-routes.ts';
import { authenticate, authorize } from './guard.ts';
import { securityOf } from '../auth/security-config.ts';
import { collectRoutes } from './route-catalogue.ts';



export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: 'info', redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.body'], remove: true } }
      : false,
    // Request logging stays on when the logger is: URLs never carry CPR numbers (lookups are POST bodies).
    bodyLimit: 1024 * 1024,
  });
  collectRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    errorHandler(new AppError('not_found', 'error.not_found', { resource: req.method + ' ' + req.url.split('?')[0] }), req, reply);
  });

  await app.register(cookie);
  const security = securityOf(deps.config);
  // Security headers on every answer; the web app's page sets its own (equally strict) policy.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
      connectSrc: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], objectSrc: ["'none'"],
      upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
    } },
    hsts: deps.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: true, max: security.rateLimitPerMinute, timeWindow: 60_000 });
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
    await authenticate(deps, req);
  });
  // Every route declares its access (a policy, or the roles allowed); one that does not is refused.
  // Before validation, so a caller without access learns nothing from validation errors.
  app.addHook('preValidation', async (req) => authorize(deps, req));

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { config: { access: 'public', policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await registerFeatureRoutes(typed, deps);
  securityRoutes(typed, deps);
  // The staff web app (web/, built into web/dist) under /, when it has been built.
  await registerWebApp(app);
  return app;
}
