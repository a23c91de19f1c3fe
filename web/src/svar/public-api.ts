/** The citizen page's calls: no cookie, the personal link's token as a bearer token, the birth date when asked. */
export interface Refusal { status: number; code: string; message: string; fields: { path: string; message: string }[]; remaining?: number | undefined; phone?: string | undefined }
export class Refused extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
}

export interface Credentials { token: string; birthDate?: string | undefined }

export async function call<T>(creds: Credentials, lang: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method, credentials: 'omit', cache: 'no-store',
      headers: {
        authorization: `Bearer ${creds.token}`, accept: 'application/json', 'accept-language': lang,
        ...(creds.birthDate ? { 'x-birth-date': creds.birthDate } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Refused({ status: 0, code: 'network', message: '', fields: [] });
  }
  const json = await res.json().catch(() => null) as unknown;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[]; remaining?: number; phone?: string } } | null)?.error;
    throw new Refused({ status: res.status, code: error?.code ?? 'http', message: error?.message ?? '', fields: error?.fields ?? [], remaining: error?.remaining, phone: error?.phone });
  }
  return json as T;
}

/** The token from the link's fragment (…/svar#token), kept for this tab only and removed from the address bar. */
export function takeToken(): string | null {
  const fromHash = window.location.hash.slice(1);
  if (/^[A-Za-z0-9_-]{20,}$/.test(fromHash)) {
    sessionStorage.setItem('ligevej.svar.token', fromHash);
    history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem('ligevej.svar.token');
}
