import type { FastifyContextConfig } from 'fastify';
import type { Permission } from '../auth/permissions.ts';

/** The route's policy: declared on the route (config.policy). */
export function policyFor(_method: string, _url: string, config: FastifyContextConfig): Permission | undefined {
  return config.policy;
}
