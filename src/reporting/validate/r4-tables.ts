/**
 * Base FHIR R4 facts the fhirpath model does not carry: elements with minimum cardinality 1, and
 * the required value-set bindings of codes, for the resource types a delivery report can hold.
 */
export const requiredElements: Record<string, readonly string[]> = {
  Bundle: ['type'],
  'Bundle.link': ['relation', 'url'],
  'Bundle.entry.request': ['method', 'url'],
  'Bundle.entry.response': ['status'],
  Signature: ['type', 'when', 'who'],
  Extension: ['url'],
  Narrative: ['status', 'div'],
  'Patient.link': ['other', 'type'],
  'Patient.communication': ['language'],
  ServiceRequest: ['status', 'intent', 'subject'],
  Condition: ['subject'],
  CarePlan: ['status', 'intent', 'subject'],
  'CarePlan.activity.detail': ['status'],
  Encounter: ['status', 'class'],
  'Encounter.statusHistory': ['status', 'period'],
  'Encounter.classHistory': ['class', 'period'],
  'Encounter.diagnosis': ['condition'],
  'Encounter.location': ['location'],
};

const requestStatus = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'];
const identifierUse = ['usual', 'official', 'temp', 'secondary', 'old'];

/** Required bindings on `code` elements, by element path. */
export const codeBindings: Record<string, readonly string[]> = {
  'Bundle.type': ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'],
  'Identifier.use': identifierUse,
  'Narrative.status': ['generated', 'extensions', 'additional', 'empty'],
  'ServiceRequest.status': requestStatus,
  'ServiceRequest.intent': ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  'ServiceRequest.priority': ['routine', 'urgent', 'asap', 'stat'],
  'CarePlan.status': requestStatus,
  'CarePlan.intent': ['proposal', 'plan', 'order', 'option'],
  'CarePlan.activity.detail.kind': ['Appointment', 'CommunicationRequest', 'DeviceRequest', 'MedicationRequest', 'NutritionOrder', 'Task', 'ServiceRequest', 'VisionPrescription'],
  'CarePlan.activity.detail.status': ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'],
  'Encounter.status': ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'],
  'Encounter.statusHistory.status': ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'],
  'Patient.gender': ['male', 'female', 'other', 'unknown'],
  'Patient.link.type': ['replaced-by', 'replaces', 'refer', 'seealso'],
};

/** Required bindings on CodeableConcepts: a coding in the HL7 system must carry one of these codes. */
export const conceptBindings: Record<string, { system: string; codes: readonly string[] }> = {
  'Condition.clinicalStatus': { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', codes: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] },
  'Condition.verificationStatus': { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', codes: ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] },
};
