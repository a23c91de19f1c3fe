import { z } from 'zod';
import type { Deps } from './deps.ts';
import type { Router } from './routes.ts';

export function healthRoutes(app: Router, deps: Deps): void {
  app.get('/health/live', {
    config: { access: 'public', policy: 'public' },
    schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', {
    config: { access: 'public', policy: 'public' },
    schema: {
      tags: ['health'], summary: 'Readiness: the database answers and migrations are applied',
      response: { 200: z.object({ status: z.literal('ready'), engine: z.string(), migrations: z.number() }), 503: z.object({ status: z.literal('unavailable') }) },
    },
  }, async (_req, reply) => {
    try {
      const r = await deps.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
      return { status: 'ready' as const, engine: deps.db.engine, migrations: r.rows[0]?.n ?? 0 };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const });
    }
  });
}
