import type { Role } from './roles.ts';
import { staffRoles } from './roles.ts';

/** OpenID Connect single sign-on against the municipality's identity provider. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: https://<host>/api/auth/oidc/callback */
  redirectUri: string;
  /** The municipality whose staff log in through this provider. */
  municipalityCode: string;
  /** Only for tests against a local provider: allow http:// issuers. */
  allowHttp?: boolean;
}

export interface SecurityConfig {
  /** Roles that must use two-factor (TOTP) to log in with a password. */
  mfaRoles: readonly Role[];
  idleMinutes: number;
  maxFailedLogins: number;
  /** Requests per minute per client address, all routes; and login attempts per minute per address. */
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Retention after a course ends (ended/followed up) and after a referral closed without a course. */
  retentionYearsAfterEnd: number;
  retentionYearsAfterClosed: number;
  oidc?: OidcConfig;
  /**
   * Where to report a vulnerability (RFC 9116 Contact: mailto: or https: URIs), published as
   * /.well-known/security.txt. None by default: an installation names its own, never a placeholder.
   */
  securityContacts?: readonly string[];
}

type Env = Record<string, string | undefined>;

/** Roles that read personal data: two-factor is required for these in production. */
export const personalDataRoles: readonly Role[] = ['clinician', 'coordinator', 'bridge_builder', 'admin'];

export function defaultSecurityConfig(developmentKeys: boolean): SecurityConfig {
  return {
    // The demo (generated keys) lets the demo accounts in with the password alone, unless configured.
    mfaRoles: developmentKeys ? [] : personalDataRoles,
    idleMinutes: 30,
    maxFailedLogins: 5,
    rateLimitPerMinute: 600,
    loginRateLimitPerMinute: 30,
    retentionYearsAfterEnd: 10,
    retentionYearsAfterClosed: 5,
  };
}

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};

export function securityConfigFrom(env: Env, developmentKeys: boolean): SecurityConfig {
  const d = defaultSecurityConfig(developmentKeys);
  const mfa = env.LIGEVEJ_MFA_ROLES;
  const mfaRoles = mfa === undefined ? d.mfaRoles : mfa.split(',').map((r) => r.trim()).filter(Boolean).map((r) => {
    if (!(staffRoles as readonly string[]).includes(r)) throw new Error(`LIGEVEJ_MFA_ROLES: unknown role ${r}`);
    return r as Role;
  });
  const oidc: OidcConfig | undefined = env.LIGEVEJ_OIDC_ISSUER
    ? {
        issuer: env.LIGEVEJ_OIDC_ISSUER,
        clientId: required(env, 'LIGEVEJ_OIDC_CLIENT_ID'),
        clientSecret: required(env, 'LIGEVEJ_OIDC_CLIENT_SECRET'),
        redirectUri: required(env, 'LIGEVEJ_OIDC_REDIRECT_URI'),
        municipalityCode: required(env, 'LIGEVEJ_OIDC_MUNICIPALITY'),
      }
    : undefined;
  return {
    mfaRoles,
    idleMinutes: positive(env.LIGEVEJ_IDLE_MINUTES, d.idleMinutes, 'LIGEVEJ_IDLE_MINUTES'),
    maxFailedLogins: positive(env.LIGEVEJ_MAX_FAILED_LOGINS, d.maxFailedLogins, 'LIGEVEJ_MAX_FAILED_LOGINS'),
    rateLimitPerMinute: positive(env.LIGEVEJ_RATE_LIMIT, d.rateLimitPerMinute, 'LIGEVEJ_RATE_LIMIT'),
    loginRateLimitPerMinute: positive(env.LIGEVEJ_LOGIN_RATE_LIMIT, d.loginRateLimitPerMinute, 'LIGEVEJ_LOGIN_RATE_LIMIT'),
    retentionYearsAfterEnd: positive(env.LIGEVEJ_RETENTION_YEARS_AFTER_END, d.retentionYearsAfterEnd, 'LIGEVEJ_RETENTION_YEARS_AFTER_END'),
    retentionYearsAfterClosed: positive(env.LIGEVEJ_RETENTION_YEARS_AFTER_CLOSED, d.retentionYearsAfterClosed, 'LIGEVEJ_RETENTION_YEARS_AFTER_CLOSED'),
    ...(oidc ? { oidc } : {}),
    ...(env.LIGEVEJ_SECURITY_CONTACT ? { securityContacts: securityContactsFrom(env.LIGEVEJ_SECURITY_CONTACT) } : {}),
  };
}

/**
 * LIGEVEJ_SECURITY_CONTACT: one or more addresses separated by commas; a bare e-mail address
 * becomes mailto:, otherwise it must be an https:// URL (or a mailto: URI).
 */
export function securityContactsFrom(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
    if (/^[^\s@:/]+@[^\s@/]+\.[^\s@/]+$/.test(v)) return `mailto:${v}`;
    if (/^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return v;
    if (/^https:\/\/[^\s]+$/.test(v) && URL.canParse(v)) return v;
    throw new Error(`LIGEVEJ_SECURITY_CONTACT: "${v}" is neither an e-mail address nor an https:// URL`);
  });
}

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`${name} is required when LIGEVEJ_OIDC_ISSUER is set`);
  return v;
}

/** The security settings of a config, with defaults for configs built without them (tests, tools). */
export const securityOf = (config: { security?: SecurityConfig; developmentKeys: boolean }): SecurityConfig =>
  config.security ?? defaultSecurityConfig(config.developmentKeys);
