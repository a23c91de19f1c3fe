import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../shared/errors.ts';

/** Where `npm run build:web` puts the staff web app (never committed). */
export const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The page may load only its own scripts, styles, fonts and images, and talk only to this server.
 * Inline style attributes are allowed (React sets some); inline scripts are not.
 */
export const contentSecurityPolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

/**
 * Serves the built web app under / when web/dist exists: the files themselves (hashed assets cached
 * for a year) and, for every other GET outside /api, the page, so client-side routes survive a reload.
 * Returns false when there is nothing to serve (the API works on its own).
 */
export async function registerWebApp(app: FastifyInstance, dist = webDist): Promise<boolean> {
  if (!existsSync(`${dist}/index.html`)) return false;
  const page = readFileSync(`${dist}/index.html`, 'utf8');
  // The citizen's questionnaire page (personal links: /svar#<token>) is a small page of its own.
  const svarPage = existsSync(`${dist}/svar.html`) ? readFileSync(`${dist}/svar.html`, 'utf8') : null;
  await app.register(async (scope) => {
    // The app's own files are public: the page and its scripts hold no data; the API checks access.
    scope.addHook('onRoute', (route) => { route.config = { ...(route.config ?? {}), access: 'public' }; });
    await scope.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      decorateReply: false,
      setHeaders(res, path) {
        res.header('x-content-type-options', 'nosniff');
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendPage = (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '';
      if (path === '/api' || path.startsWith('/api/')) throw new AppError('not_found', 'error.not_found', { resource: `GET ${path}` });
      const html = svarPage && (path === '/svar' || path === '/svar/') ? svarPage : page;
      return reply.header('content-security-policy', contentSecurityPolicy).header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    };
    scope.get('/', { schema: { hide: true } }, sendPage);
    scope.get('/*', { schema: { hide: true } }, sendPage);
  });
  return true;
}
