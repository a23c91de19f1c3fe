import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { securityOf } from './security-config.ts';
import { notFound } from '../shared/errors.ts';

/** How long a served security.txt is valid (RFC 9116 recommends less than a year). */
const VALID_DAYS = 180;

/** The RFC 9116 security.txt for the configured contacts (pure). */
export function securityTxt(contacts: readonly string[], now: Date): string {
  const expires = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    '# Sikkerhedshuller i Ligevej: skriv til adressen herunder. Ingen rigtige borgeroplysninger, tak.',
    '# Vulnerabilities in Ligevej: write to the address below. No real citizen data, please.',
    ...contacts.map((c) => `Contact: ${c}`),
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: da, en',
    '',
  ].join('\n');
}

/** /.well-known/security.txt when LIGEVEJ_SECURITY_CONTACT is set; 404 otherwise (no placeholder is ever published). */
export function securityTxtRoutes(app: Router, deps: Deps): void {
  app.get('/.well-known/security.txt', {
    config: { access: 'public', policy: 'public' },
    schema: { tags: ['health'], summary: 'Where to report a vulnerability (RFC 9116), from LIGEVEJ_SECURITY_CONTACT' },
  }, async (_req, reply) => {
    const contacts = securityOf(deps.config).securityContacts ?? [];
    if (contacts.length === 0) throw notFound('security.txt');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(securityTxt(contacts, deps.clock()));
  });
}
