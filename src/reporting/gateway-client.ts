import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayConfig } from './gateway-config.ts';

export type SendOutcome =
  | { outcome: 'accepted'; status: number; body: string; attempts: number }
  | { outcome: 'rejected'; status: number; body: string; reason: string; attempts: number }
  | { outcome: 'failed'; status: number | null; body: string; reason: string; attempts: number };

interface Answer { status: number; body: string }

/** CPR numbers must not be stored or shown from a gateway answer that happens to quote one. */
export const maskCpr = (text: string): string => text.replace(/(?<!\d)(\d{6})-?\d{4}(?!\d)/g, '$1-xxxx');

/** The reason a FHIR server gives in an OperationOutcome, else the HTTP status. */
export function reasonOf(status: number, body: string): string {
  try {
    const outcome = JSON.parse(body) as { issue?: { diagnostics?: string; details?: { text?: string }; expression?: string[] }[] };
    const reasons = (outcome.issue ?? []).map((i) => [i.expression?.join(', '), i.details?.text ?? i.diagnostics].filter(Boolean).join(': ')).filter(Boolean);
    if (reasons.length) return maskCpr(reasons.join('; ')).slice(0, 2000);
  } catch { /* not JSON */ }
  return `HTTP ${status}`;
}

export interface GatewayClient { send(reportId: string, bundleJson: string): Promise<SendOutcome> }

/**
 * A client for the gateway's endpoint over mutual TLS. Each report is POSTed as FHIR JSON with its
 * id as Idempotency-Key, so a resend after a lost answer is recognised rather than counted twice.
 * 2xx is accepted; 409 (already received) counts as accepted; other 4xx is a rejection with the
 * gateway's reason; time-outs, network errors, 429 and 5xx are retried with doubling waits.
 */
export function gatewayClient(config: GatewayConfig): GatewayClient {
  if (!config.url) throw new Error('KL Gateway URL is not configured (LIGEVEJ_KL_GATEWAY_URL)');
  const url = new URL(config.url);
  const agent = new Agent({
    cert: config.certFile ? readFileSync(config.certFile) : undefined,
    key: config.keyFile ? readFileSync(config.keyFile) : undefined,
    ca: config.caFile ? readFileSync(config.caFile) : undefined,
    keepAlive: true,
  });
  const post = (reportId: string, body: string): Promise<Answer> => new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', agent, timeout: config.timeoutMs,
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json', 'idempotency-key': reportId, 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 100_000) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
  return {
    async send(reportId, bundleJson) {
      let last: { status: number | null; body: string; reason: string } = { status: null, body: '', reason: '' };
      for (let attempt = 1; attempt <= config.attempts; attempt++) {
        if (attempt > 1) await sleep(config.backoffMs * 2 ** (attempt - 2));
        try {
          const answer = await post(reportId, bundleJson);
          const body = maskCpr(answer.body);
          if ((answer.status >= 200 && answer.status < 300) || answer.status === 409) return { outcome: 'accepted', status: answer.status, body, attempts: attempt };
          if (answer.status >= 400 && answer.status < 500 && answer.status !== 429 && answer.status !== 408) {
            return { outcome: 'rejected', status: answer.status, body, reason: reasonOf(answer.status, answer.body), attempts: attempt };
          }
          last = { status: answer.status, body, reason: reasonOf(answer.status, answer.body) };
        } catch (e) {
          // Network errors name hosts and codes, never the body we sent.
          last = { status: null, body: '', reason: e instanceof Error ? (e as NodeJS.ErrnoException).code ?? e.message : String(e) };
        }
      }
      return { outcome: 'failed', ...last, attempts: config.attempts };
    },
  };
}
