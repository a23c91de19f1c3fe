import { codeByDisplay, conditionByDisplay, interventionByDisplay } from '../../domain/terminology.ts';
import type { CitizenRecords } from '../records.ts';

/** Readable fixed ids: the last digits say what the row is. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const ids = {
  municipality: id(1), citizen: id(2), gp: id(3), jobcentre: id(4),
  referralGp: id(10), referralPhone: id(11), referralWrong: id(12),
  diagnosisSks: id(20), diagnosisIcpc: id(21), diagnosisWrong: id(22),
  weight: id(30), activity: id(31), emotional: id(32), alcohol: id(33),
  pathway: id(40), followUpPathway: id(41),
  training: id(50), diet: id(51), followUp: id(52),
  clarifying: id(60), session1: id(61), session2: id(62), noShow: id(63), closing: id(64), planned1: id(65), planned2: id(66), followUpVisit: id(67),
};

const reason = codeByDisplay('cancellationReasons', 'Aktivt fravalg pga. anden træning');
const group = codeByDisplay('deliveryTypes', 'Gruppebaseret indsats');
const individual = codeByDisplay('deliveryTypes', 'Individuel indsats');

/**
 * A citizen referred by her GP with two diagnoses: clarifying conversation with FSIII conditions,
 * an intervention pathway with two interventions (training completed, diet counselling cancelled
 * with a reason), sessions, a no-show, a closing conversation and a follow-up pathway with its
 * first visit booked. Later she phoned in herself; that request replaces one entered in error.
 */
export const goldenRecords: CitizenRecords = {
  municipality: { id: ids.municipality, sorCode: '123456789012', name: 'Testkommune' },
  citizen: { id: ids.citizen, cpr: '0101501234', deceased: false },
  organizations: [
    { id: ids.gp, idSystem: 'sor', idValue: '391951000016006', name: 'Lægerne i Centrum' },
    { id: ids.jobcentre, idSystem: 'fk-org', idValue: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Jobcenter Test' },
  ],
  referrals: [
    {
      id: ids.referralGp, receivedAt: '2026-01-05T08:15:00.000Z', stage: 'followed_up', replacesId: null, referringOrganizationId: ids.gp,
      diagnoses: [
        { id: ids.diagnosisSks, system: 'SKS', code: 'DE119', display: 'Type 2-diabetes uden komplikationer', clinicalStatus: 'active', verificationStatus: 'confirmed' },
        { id: ids.diagnosisIcpc, system: 'ICPC2', code: 'T90', display: null, clinicalStatus: 'active', verificationStatus: 'confirmed' },
      ],
    },
    {
      id: ids.referralWrong, receivedAt: '2026-04-01T09:00:00.000Z', stage: 'entered_in_error', replacesId: null, referringOrganizationId: null,
      diagnoses: [{ id: ids.diagnosisWrong, system: 'SKS', code: 'DJ449', display: null, clinicalStatus: 'active', verificationStatus: 'entered-in-error' }],
    },
    { id: ids.referralPhone, receivedAt: '2026-04-02T10:30:00.000Z', stage: 'received', replacesId: ids.referralWrong, referringOrganizationId: null, diagnoses: [] },
  ],
  conditions: [
    { id: ids.weight, referralId: ids.referralGp, code: conditionByDisplay('Vægt'), recordedOn: '2026-01-12', clinicalStatus: 'active', verificationStatus: 'confirmed' },
    { id: ids.activity, referralId: ids.referralGp, code: conditionByDisplay('Fysisk aktivitet'), recordedOn: '2026-01-12', clinicalStatus: 'active', verificationStatus: 'confirmed' },
    { id: ids.emotional, referralId: ids.referralGp, code: conditionByDisplay('Emotionel funktion'), recordedOn: '2026-01-12', clinicalStatus: 'active', verificationStatus: 'confirmed' },
    { id: ids.alcohol, referralId: ids.referralGp, code: conditionByDisplay('Alkohol'), recordedOn: '2026-01-12', clinicalStatus: 'inactive', verificationStatus: 'entered-in-error' },
  ],
  pathways: [
    { id: ids.pathway, referralId: ids.referralGp, category: 'intervention', grantedOn: '2026-01-14', endedOn: '2026-03-10', status: 'completed', cancellationReason: null, performerOrganizationId: null },
    { id: ids.followUpPathway, referralId: ids.referralGp, category: 'follow_up', grantedOn: '2026-03-10', endedOn: null, status: 'not-started', cancellationReason: null, performerOrganizationId: null },
  ],
  interventions: [
    { id: ids.training, referralId: ids.referralGp, pathwayId: ids.pathway, fsiiiCode: interventionByDisplay('Fysisk træning'), localCode: 'FT-DIA', localDisplay: 'Træning for diabetikere',
      deliveryType: group, performerOrganizationId: null, grantedOn: '2026-01-14', startDate: '2026-01-20', endDate: '2026-03-10', status: 'completed', cancellationReason: null, conditionIds: [ids.activity, ids.emotional] },
    { id: ids.diet, referralId: ids.referralGp, pathwayId: ids.pathway, fsiiiCode: interventionByDisplay('Kostvejledning'), localCode: null, localDisplay: null,
      deliveryType: individual, performerOrganizationId: null, grantedOn: '2026-01-14', startDate: null, endDate: '2026-02-02', status: 'cancelled', cancellationReason: reason, conditionIds: [ids.weight] },
    { id: ids.followUp, referralId: ids.referralGp, pathwayId: ids.followUpPathway, fsiiiCode: interventionByDisplay('Opfølgning'), localCode: null, localDisplay: null,
      deliveryType: individual, performerOrganizationId: null, grantedOn: '2026-03-10', startDate: null, endDate: null, status: 'not-started', cancellationReason: null, conditionIds: [] },
  ],
  encounters: [
    { id: ids.clarifying, referralId: ids.referralGp, pathwayId: null, interventionId: null, purpose: 'clarifying_conversation', class: 'AMB', startAt: '2026-01-12T09:00:00.000Z', endAt: '2026-01-12T10:00:00.000Z', status: 'finished' },
    { id: ids.session1, referralId: ids.referralGp, pathwayId: ids.pathway, interventionId: ids.training, purpose: 'session', class: 'AMB', startAt: '2026-01-20T09:00:00.000Z', endAt: '2026-01-20T10:30:00.000Z', status: 'finished' },
    { id: ids.noShow, referralId: ids.referralGp, pathwayId: ids.pathway, interventionId: ids.training, purpose: 'session', class: 'AMB', startAt: '2026-01-27T09:00:00.000Z', endAt: '2026-01-27T10:30:00.000Z', status: 'no-show' },
    { id: ids.session2, referralId: ids.referralGp, pathwayId: ids.pathway, interventionId: ids.training, purpose: 'session', class: 'VR', startAt: '2026-02-03T09:00:00.000Z', endAt: '2026-02-03T10:30:00.000Z', status: 'finished' },
    { id: ids.closing, referralId: ids.referralGp, pathwayId: ids.pathway, interventionId: null, purpose: 'closing_conversation', class: 'phone', startAt: '2026-03-10T13:00:00.000Z', endAt: '2026-03-10T13:45:00.000Z', status: 'finished' },
    { id: ids.followUpVisit, referralId: ids.referralGp, pathwayId: ids.followUpPathway, interventionId: ids.followUp, purpose: 'follow_up', class: 'screen', startAt: '2026-09-10T09:00:00.000Z', endAt: '2026-09-10T09:45:00.000Z', status: 'planned' },
    { id: ids.planned2, referralId: ids.referralGp, pathwayId: ids.followUpPathway, interventionId: ids.followUp, purpose: 'follow_up', class: 'AMB', startAt: '2026-10-10T09:00:00.000Z', endAt: '2026-10-10T09:45:00.000Z', status: 'planned' },
  ],
};
