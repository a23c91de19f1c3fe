import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal OpenID Connect provider for tests: discovery, authorization (signs in the configured
 * user at once), token endpoint with client_secret_basic/post and PKCE S256, and JWKS. ID tokens are
 * RS256-signed JWTs. It checks what a real provider checks so that a broken client fails.
 */
export interface TestProvider { issuer: string; user: { sub: string; preferred_username: string }; close(): Promise<void> }

export async function startTestProvider(client: { id: string; secret: string; redirectUri: string }, user: { sub: string; preferred_username: string }): Promise<TestProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  let issuer = '';
  const b64 = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
  const sign = (payload: object) => {
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: object) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== client.id || p.get('redirect_uri') !== client.redirectUri || p.get('response_type') !== 'code'
        || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !p.get('nonce') || !p.get('state')) return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      codes.set(code, { nonce: p.get('nonce')!, challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')! });
      res.writeHead(302, { location: `${client.redirectUri}?code=${code}&state=${encodeURIComponent(p.get('state')!)}&iss=${encodeURIComponent(issuer)}` });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const basic = req.headers.authorization?.startsWith('Basic ') ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString() : '';
        const [id, secret] = basic ? basic.split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
        if (id !== client.id || secret !== client.secret) return json(401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        const now = Math.floor(Date.now() / 1000);
        return json(200, {
          access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300,
          id_token: sign({ iss: issuer, sub: user.sub, aud: client.id, iat: now, exp: now + 300, nonce: grant.nonce, preferred_username: user.preferred_username }),
        });
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, user, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
