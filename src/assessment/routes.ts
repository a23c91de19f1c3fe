import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { questionnaireRoutes } from './questionnaire-routes.ts';
import { responseRoutes } from './response-routes.ts';
import { measurementRoutes } from './measurements/routes.ts';
import { literacyRoutes } from './literacy/routes.ts';
import { stratificationRoutes } from './stratification/routes.ts';
import { linkRoutes } from './links/link-routes.ts';
import { publicQuestionnaireRoutes } from './links/public-routes.ts';
import { configuredNotifier } from '../notifier/notifier.ts';
import { conversationRoutes } from './conversation/routes.ts';

/** The clarifying conversation's data: questionnaires, answers, measurements, health literacy, stratification. */
export function assessmentRoutes(app: Router, deps: Deps): void {
  questionnaireRoutes(app, deps);
  responseRoutes(app, deps);
  measurementRoutes(app, deps);
  literacyRoutes(app, deps);
  stratificationRoutes(app, deps);
  linkRoutes(app, deps, configuredNotifier((entry, text) => app.log.info(entry, text)));
  publicQuestionnaireRoutes(app, deps);
  conversationRoutes(app, deps);
}
