import { currentLang } from './i18n.tsx';

export interface FieldProblem { path: string; rule: string; message: string }
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Called when the session has ended, so the app can show the login page. */
let onUnauthenticated: () => void = () => {};
export const setUnauthenticatedHandler = (fn: () => void) => { onUnauthenticated = fn; };

/** The CSRF token the server set at login (cookie readable by the page); sent back on every write. */
const csrfToken = (): string =>
  document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('ligevej_csrf='))?.slice('ligevej_csrf='.length) ?? '';

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  const csrf: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': csrfToken() };
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: { 'accept-language': currentLang(), accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...csrf, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) as unknown : null;
  if (!res.ok) {
    const error = (json as { error?: { code: string; message: string; fields?: FieldProblem[] } } | null)?.error;
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated();
    throw new ApiError(res.status, error?.code ?? 'http', error?.message ?? res.statusText, error?.fields ?? []);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  /** Every write carries an Idempotency-Key, so a double click or a retry never writes twice. */
  post: <T>(path: string, body: unknown, idempotencyKey?: string) =>
    request<T>('POST', path, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  patch: <T>(path: string, body: unknown, idempotencyKey?: string) =>
    request<T>('PATCH', path, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
};

export const newIdempotencyKey = (): string => `web-${crypto.randomUUID()}`;

// Shapes of the API's answers the pages use (the server's zod schemas are the contract).
/** `permissions`: what the role (plus grants) allows, as the server's permission matrix says. */
export interface Me { userId: string; username: string; displayName: string; role: string; municipalityId: string; mfaEnrolmentRequired?: boolean; authMethod?: string; permissions: string[] }
export interface Concept { code: string; display: string; group?: string }
export interface Codes {
  valueSets: Record<'referralSources' | 'interventions119' | 'deliveryTypes' | 'cancellationReasons' | 'conditions119', Concept[]>;
  measures: { measure: string; unit: string; min: number; max: number }[];
}
export interface Citizen {
  id: string; cpr: string; birthDate: string; sex: string; givenName: string; familyName: string; addressLine: string | null;
  postalCode: string | null; city: string | null; phone: string | null; preferredLanguage: string; version: number;
  socialPosition?: { id: string; item: string; value: string; source: string; recordedOn: string }[];
}
export interface Referral {
  id: string; citizenId: string; sourceCode: string; referringOrganizationId: string | null; receivedAt: string; reason: string | null;
  stage: string; closedReason: string | null; version: number; diagnoses: { system: string; code: string; display: string | null }[]; allowedNextSteps: string[];
}
export interface Intervention {
  id: string; fsiiiCode: string | null; localDisplay: string | null; deliveryType: string; teamId: string | null; startDate: string | null;
  endDate: string | null; status: string; cancellationReason: string | null; version: number;
}
export interface Course {
  referral: Referral; interventions: Intervention[]; pathways: { id: string; status: string; cancellationReason: string | null }[];
  contactAttempts: { channel: string; outcome: string; enteredInError: boolean }[];
  encounters: { purpose: string; status: string; startAt: string; class: string }[];
}
export interface TimelineItem {
  at: string; dateOnly: boolean; kind: string; id: string; status: string | null; code: string | null; note: string | null; channel: string | null;
  outcome: string | null; purpose: string | null; class: string | null; teamName: string | null; sessionNumber: number | null; codes: string[];
  /** A questionnaire's title and time point. */
  title: string | null; timePoint: string | null;
  measurements: { measure: string; value: number; unit: string; timePoint: string }[];
  /** Marked entered in error: shown struck through; `correction` and `version` mark a record that is not. */
  enteredInError: boolean; correction: 'contact-attempts' | 'encounters' | 'observations' | 'questionnaire-responses' | 'stratifications' | null; version: number | null;
}
export interface Team {
  id: string; name: string; location: string | null; weekday: number | null; startTime: string | null; sessionCount: number | null;
  participants: number; nextSession: { id: string; number: number; startAt: string } | null; interventionCode: string | null;
}
export interface Session { id: string; teamId: string; number: number; startAt: string; endAt: string; location: string | null; status: string; present: number; absent: number; excused: number }
export interface Participant {
  referralId: string; citizenId: string; citizenName: string; interventionId: string; stage: string;
  encounterId: string | null; encounterVersion: number | null; attendance: 'present' | 'absent' | 'excused' | 'not_called';
}
