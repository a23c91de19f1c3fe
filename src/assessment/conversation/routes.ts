import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { careRoles } from '../../auth/roles.ts';
import { tenantRead } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../shared/schemas.ts';
import { ConversationOut, readConversation } from './conversation-service.ts';

export function conversationRoutes(app: Router, deps: Deps): void {
  app.get('/api/referrals/:id/conversation', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags: ['conversation'],
      summary: 'Everything the clarifying (or closing) conversation view needs in one call: the conversation wheel (body, everyday life, mental health, health behaviour, network, resources) with scores, flags and previous values; measurements with categories; goals; social position; health literacy; stratification recommendations and decision; responses, links and FSIII conditions. Audit-logged.',
      params: IdParams, response: { 200: ConversationOut, ...errorResponses },
    },
  }, (req, reply) => {
    reply.header('cache-control', 'no-store');
    return tenantRead(deps, req, (tx, actor) => readConversation(tx, actor, deps.clock(), req.lang, req.params.id));
  });
}
