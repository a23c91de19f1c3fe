/**
 * What the mapping reads: one citizen's §119 records as Ligevej stores them, already loaded.
 * Dates are YYYY-MM-DD strings, instants ISO 8601 strings; ids are the Ligevej row ids.
 */
export interface OrganizationRecord { id: string; idSystem: 'sor' | 'fk-org'; idValue: string; name: string }

export interface DiagnosisRecord {
  id: string; system: 'SKS' | 'ICPC2'; code: string; display: string | null;
  clinicalStatus: 'active' | 'inactive' | 'resolved'; verificationStatus: 'confirmed' | 'entered-in-error';
}

export interface ReferralRecord {
  id: string; receivedAt: string; stage: string; replacesId: string | null; referringOrganizationId: string | null;
  diagnoses: DiagnosisRecord[];
}

export interface ConditionRecord {
  id: string; referralId: string; code: string; recordedOn: string;
  clinicalStatus: 'active' | 'inactive'; verificationStatus: 'confirmed' | 'entered-in-error';
}

export interface PathwayRecord {
  id: string; referralId: string; category: 'intervention' | 'follow_up'; grantedOn: string; endedOn: string | null;
  status: string; cancellationReason: string | null; performerOrganizationId: string | null;
}

export interface InterventionRecord {
  id: string; referralId: string; pathwayId: string | null; fsiiiCode: string | null; localCode: string | null; localDisplay: string | null;
  deliveryType: string; performerOrganizationId: string | null; grantedOn: string; startDate: string | null; endDate: string | null;
  status: string;
  /** Kept in Ligevej; the planned-intervention profile forbids statusReason, so only the pathway reports a reason. */
  cancellationReason: string | null;
  conditionIds: string[];
}

export interface EncounterRecord {
  id: string; referralId: string; pathwayId: string | null; interventionId: string | null; purpose: string; class: string;
  startAt: string; endAt: string; status: string;
}

export interface CitizenRecords {
  municipality: { id: string; sorCode: string; name: string };
  /** The CPR number, 10 digits: it goes into the Patient resource and nowhere else. */
  citizen: { id: string; cpr: string; deceased: boolean };
  organizations: OrganizationRecord[];
  referrals: ReferralRecord[];
  conditions: ConditionRecord[];
  pathways: PathwayRecord[];
  interventions: InterventionRecord[];
  encounters: EncounterRecord[];
}
