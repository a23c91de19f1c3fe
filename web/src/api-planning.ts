// Shapes of the issue-5 API answers the pages use (the server's zod schemas are the contract).
export interface Place { id: string; name: string; kind: string; area: string | null }
export interface Offer {
  id: string; internalName: string; publicName: string; interventionCodes: string[]; diseases: string[]; deliveryMode: string; languages: string[];
  sessionMinutes: number; sessionCount: number; capacity: number | null; supportLevel: string; features: string[]; priceDkk: number; variantOf: string | null;
  variantKind: string | null; completionThreshold: number; timeOfDay: string | null; genderSpecific: string | null; accessibility: string | null; places: Place[]; variants: { id: string; publicName: string; variantKind: string }[]; upcomingTeams: number; version: number;
}
export interface PlannedSession { number: number; date: string; startAt: string; endAt: string }
export interface SchedulePreview { sessions: PlannedSession[]; skipped: { date: string; name: string }[] }
export interface WaitingEntry {
  id: string; referralId: string; citizenId: string; citizenName: string; status: string; position: number | null; version: number;
  notification: { status: string; channel: string; sentAt: string | null } | null;
}
export interface ProgressRow { referralId: string; citizenId: string; citizenName: string; attended: number; planned: number; needed: number; completion: string; missedInARow: number; interventionStatus: string }
export interface Overbooking { capacity: number; booked: number; expectedAttendance: number; extraPlaces: number; expectedWithExtra: number; overflowRisk: number; typicalRate: number }
export interface CallEntry {
  interventionId: string; interventionVersion: number; referralId: string; citizenId: string; citizenName: string; phone: string | null; teamId: string; teamName: string;
  missedInARow: number; history: { sessionNumber: number; startAt: string; attendance: string }[]; lastCall: { calledAt: string; outcome: string } | null;
}
export interface Needs { barriers: string[]; preferredTimes: string[]; preferredWeekdays: number[]; preferredAreas: string[]; note: string | null; version: number | null }
export interface Suggestion {
  offerId: string; offerName: string; teamId: string | null; teamName: string | null; place: string | null; startsOn: string | null; startTime: string | null;
  daysToStart: number | null; tooLate: boolean; full: boolean; reasons: { key: string; effect: 'plus' | 'minus' | 'info'; text: string }[];
}
export interface Matches { suggestions: Suggestion[]; excluded: { offerName: string; teamName: string | null; text: string }[]; citizen: { needs: Needs } }
export interface PublicOffer {
  id: string; associationName: string; associationWebsite: string | null; publicContact: string | null; activity: string; activityKind: string; description: string | null;
  placeName: string; address: string | null; area: string | null; weekdays: number[]; startTime: string | null; scheduleNote: string | null; languages: string[];
  introCourse: boolean; introNote: string | null; inclusiveness: string; inclusivenessNote: string | null; companionAvailable: boolean; links: { label: string; url: string; kind: string }[];
}
export interface Association {
  id: string; name: string; website: string | null; publicContact: string | null; contactName: string | null; contactPhone: string | null; version: number;
  offers: (PublicOffer & { associationId: string })[] }
export interface FollowUp {
  id: string; months: number; dueOn: string; followedUpOn: string | null; stillActive: boolean | null; reason: string | null; note: string | null; version: number;
  /** Answers recorded by mistake and marked entered in error (kept, shown struck through). */
  enteredInError: { followedUpOn: string; stillActive: boolean; reason: string | null; note: string | null }[];
}
export interface Bridge { id: string; activity: string; associationName: string; bridgedOn: string; companion: string; status: 'active' | 'entered-in-error'; version: number; followUps: FollowUp[] }
export interface DueFollowUp { followUpId: string; citizenId: string; citizenName: string; activity: string; associationName: string; months: number; dueOn: string; overdue: boolean }
export interface ChannelResult { channel: string; contacts: number; attempts: number; recruited: number; enrolled: number }
export interface Campaign {
  id: string; name: string; area: string | null; courseDate: string | null; startsOn: string; endsOn: string; status: string; version: number;
  results: { total: { contacts: number; recruited: number; enrolled: number }; channels: ChannelResult[] };
}
export interface CampaignContact {
  id: string; source: string; referralId: string | null; citizenId: string | null; name: string | null; phone: string | null; enrolledReferralId: string | null; erased: boolean; version: number;
  attempts: { attemptedAt: string; channel: string; outcome: string; performedBy: string | null }[] }
export type CampaignDetail = Campaign & { contacts: CampaignContact[] };
