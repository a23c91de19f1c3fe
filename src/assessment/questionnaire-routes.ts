import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses } from '../shared/schemas.ts';
import { localizeQuestionnaire } from './engine/translate.ts';
import { catalogues, rtlLanguages } from './translations/catalogues.ts';
import { importQuestionnaire, listQuestionnaires, resolveQuestionnaire } from './questionnaire-service.ts';

const tags = ['questionnaires'];
const Summary = z.object({
  url: z.string(), version: z.string(), name: z.string().nullable(), title: z.string(), status: z.string(),
  source: z.enum(['builtin', 'municipality']), id: z.uuid().nullable(),
});
const FhirQuestionnaire = z.looseObject({ resourceType: z.literal('Questionnaire'), url: z.string(), version: z.string() })
  .describe('A FHIR R4 Questionnaire resource');

export function questionnaireRoutes(app: Router, deps: Deps): void {
  app.get('/api/questionnaires', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The questionnaires available: Ligevej\'s built-in ones and the municipality\'s own imports', response: { 200: z.object({ questionnaires: z.array(Summary) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ questionnaires: await listQuestionnaires(tx) })));

  app.get('/api/questionnaires/content', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: {
      tags, summary: 'One questionnaire in a language: FHIR translations, then the translation files, else Danish (untranslated strings are counted)',
      querystring: z.object({ url: z.url(), version: z.string().optional(), lang: z.string().regex(/^[a-z]{2,3}$/).default('da') }),
      response: { 200: z.object({ language: z.string(), direction: z.enum(['ltr', 'rtl']), untranslated: z.number(), source: z.enum(['builtin', 'municipality']), questionnaire: FhirQuestionnaire }), ...errorResponses },
    },
  }, (req) => tenantRead(deps, req, async (tx) => {
    const { questionnaire, source } = await resolveQuestionnaire(tx, req.query.url, req.query.version);
    const lang = req.query.lang;
    const localized = localizeQuestionnaire(questionnaire, lang, catalogues().get(lang));
    return { language: lang, direction: rtlLanguages.includes(lang) ? 'rtl' as const : 'ltr' as const, untranslated: localized.missing.length, source, questionnaire: localized.questionnaire };
  }));

  app.post('/api/questionnaires', {
    config: { policy: 'questionnaire.admin', access: ['coordinator', 'admin'] },
    schema: {
      tags, summary: 'Import the municipality\'s own FHIR R4 Questionnaire (e.g. a licensed instrument it holds). A malformed resource is refused with the path of the first problem (e.g. Questionnaire.item[2].enableWhen[0].question); url+version must be new.',
      body: z.record(z.string(), z.unknown()).describe('A FHIR R4 Questionnaire resource (JSON)'),
      response: { 201: Summary, ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => importQuestionnaire(tx, actor, deps.clock(), req.body)));
}
