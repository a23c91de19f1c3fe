import { systems } from '../domain/terminology.ts';

/**
 * Canonical URLs of KL Gateway §119 (KLGatewayPrevention 2.1.x) and the base HL7 code systems the
 * report uses. The FSIII/KL codes themselves come from terminology.ts, never from here.
 */
const base = 'http://fhir.kl.dk/prevention/StructureDefinition/';

export const profileUrl = {
  deliveryReport: `${base}klgateway-119-delivery-report`,
  citizen: `${base}klgateway-119-citizen`,
  organization: `${base}klgateway-119-organization`,
  serviceRequest: `${base}klgateway-119-servicerequest`,
  focusCondition: `${base}klgateway-119-focus-condition`,
  condition: `${base}klgateway-119-condition`,
  carePlan: `${base}klgateway-119-care-plan`,
  plannedIntervention: `${base}klgateway-119-planned-intervention`,
  encounter: `${base}klgateway-119-encounter`,
} as const;
export type ProfileName = keyof typeof profileUrl;
export type EntryProfile = Exclude<ProfileName, 'deliveryReport'>;

export const extensionUrl = {
  deliveryType: `${base}DeliveryType`,
  basedOnServiceRequest: `${base}BasedOnServiceRequestExtension`,
  basedOnCarePlan: `${base}BasedOnCarePlanExtension`,
} as const;

/** Code systems and identifier systems: the Danish ones from fsiii-119.json, the HL7 ones are FHIR R4's own. */
export const system = {
  cpr: systems.CPR,
  sor: systems.SOR,
  /** dk-core's KOMBIT organisation identifier (FK-ORG); its value is a urn:uuid. */
  fkOrg: 'https://kombit.dk/sts/organisation',
  fsiii: systems.FSIII,
  klCareSocial: systems.KLCareSocialCodes,
  sks: systems.SKS,
  icpc2: systems.ICPC2,
  v3ActCode: systems.v3ActCode,
  localInterventions: systems.LocallyDefinedInterventions,
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
} as const;

/** HL7 v3 ActEncounterCode: the encounter classes the §119 encounter allows besides KL's phone and screen visit. */
export const actEncounterCodes: readonly string[] = ['AMB', 'EMER', 'FLD', 'HH', 'IMP', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS', 'VR'];
