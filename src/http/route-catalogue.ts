import type { FastifyContextConfig, FastifyInstance, FastifySchema } from 'fastify';

export interface RouteEntry { method: string; url: string; config: FastifyContextConfig; schema: FastifySchema | undefined }

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (method, url, config with its policy, schema): for the policy and adversarial tests. */
    routeCatalogue: RouteEntry[];
  }
}

/** Collects every route added after this call, from Fastify's own onRoute hook. */
export function collectRoutes(app: FastifyInstance): void {
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      // Read lazily: hooks of inner scopes (the web app's) may replace the config after this one ran.
      catalogue.push({ method, url: route.url, get config() { return (route.config ?? {}) as FastifyContextConfig; }, get schema() { return route.schema; } });
    }
  });
}
