import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GatewayConfig } from '../gateway-config.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
export interface Seen { key: string | undefined; contentType: string | undefined; clientName: string | undefined; body: string }

/** Certificates made for a test only: a CA, the gateway's server certificate and the municipality's client certificate. */
function makeCertificates(dir: string): Record<'ca' | 'serverKey' | 'serverCert' | 'clientKey' | 'clientCert', string> {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Test Gateway CA');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const [name, cn, ext] of [['server', 'localhost', ['-extfile', 'san.ext']], ['client', 'Testkommune', []]] as const) {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', ...ext);
  }
  const f = (n: string) => join(dir, n);
  return { ca: f('ca.crt'), serverKey: f('server.key'), serverCert: f('server.crt'), clientKey: f('client.key'), clientCert: f('client.crt') };
}

export interface TestGateway {
  /** Sending enabled, to this gateway, with the client certificate; short backoff. */
  config: GatewayConfig;
  /** Every request the gateway received, in order. */
  seen: Seen[];
  /** Answers for the next requests, one each; when empty, a request is accepted (201). */
  next: Handler[];
  close(): Promise<void>;
}

/** A local KL Gateway stand-in over HTTPS that demands a client certificate (mutual TLS) signed by its own test CA. */
export async function startTestGateway(): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'ligevej-gw-'));
  const certs = makeCertificates(dir);
  const seen: Seen[] = [];
  const next: Handler[] = [];
  const accept: Handler = (_req, res) => { res.writeHead(201, { 'content-type': 'application/fhir+json' }); res.end('{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational"}]}'); };
  const gateway = createServer({ key: readFileSync(certs.serverKey), cert: readFileSync(certs.serverCert), ca: readFileSync(certs.ca), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      seen.push({ key: req.headers['idempotency-key'] as string | undefined, contentType: req.headers['content-type'], clientName: String(peer.subject?.CN), body });
      (next.shift() ?? accept)(req, res, body);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const config: GatewayConfig = {
    enabled: true, url: `https://127.0.0.1:${(gateway.address() as AddressInfo).port}/fhir/prevention`, certFile: certs.clientCert, keyFile: certs.clientKey,
    caFile: certs.ca, timeoutMs: 5_000, attempts: 4, backoffMs: 5,
  };
  return {
    config, seen, next,
    async close() {
      gateway.closeAllConnections();
      await new Promise((resolve) => gateway.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A 422 rejection with an OperationOutcome naming the element and the reason. */
export const rejectWith = (expression: string, diagnostics: string): Handler => (_req, res) => {
  res.writeHead(422, { 'content-type': 'application/fhir+json' });
  res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', expression: [expression], diagnostics }] }));
};
