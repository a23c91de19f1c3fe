import type { Deps } from '../../http/deps.ts';
import type { Router } from '../../http/routes.ts';
import { careRoles } from '../../auth/roles.ts';
import { tenantWrite } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../shared/schemas.ts';
import { MeasurementsCreate, MeasurementsOut, recordMeasurements } from './measurement-service.ts';

export function measurementRoutes(app: Router, deps: Deps): void {
  app.post('/api/referrals/:id/measurements', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: {
      tags: ['measurements'],
      summary: 'Record the measurements of a conversation with units and LOINC codes: an impossible value is refused (measure.range), an implausible one must be confirmed (measure.implausible, then confirmed: true); BMI is derived from weight and the latest height; HbA1c and BMI come back with their category',
      params: IdParams, body: MeasurementsCreate, response: { 201: MeasurementsOut, ...errorResponses },
    },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, (tx, actor) => recordMeasurements(tx, actor, deps.clock(), req.params.id, req.body)));
}
