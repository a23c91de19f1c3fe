/** Where and how reports are sent to KL Gateway. Sending is off unless LIGEVEJ_KL_GATEWAY_URL is set and enabled. */
export interface GatewayConfig {
  enabled: boolean;
  url: string | undefined;
  /** PEM files for mutual TLS: the municipality's client certificate and key, and optionally the CA to trust. */
  certFile: string | undefined;
  keyFile: string | undefined;
  caFile: string | undefined;
  timeoutMs: number;
  /** Attempts per report and send, and the first wait between them (doubled each time). */
  attempts: number;
  backoffMs: number;
}

type Env = Record<string, string | undefined>;

export function gatewayConfigFrom(env: Env): GatewayConfig {
  return {
    enabled: env.LIGEVEJ_KL_GATEWAY_ENABLED === 'true' && Boolean(env.LIGEVEJ_KL_GATEWAY_URL),
    url: env.LIGEVEJ_KL_GATEWAY_URL || undefined,
    certFile: env.LIGEVEJ_KL_GATEWAY_CERT || undefined,
    keyFile: env.LIGEVEJ_KL_GATEWAY_KEY || undefined,
    caFile: env.LIGEVEJ_KL_GATEWAY_CA || undefined,
    timeoutMs: Number(env.LIGEVEJ_KL_GATEWAY_TIMEOUT_MS ?? 30_000),
    attempts: Number(env.LIGEVEJ_KL_GATEWAY_ATTEMPTS ?? 4),
    backoffMs: Number(env.LIGEVEJ_KL_GATEWAY_BACKOFF_MS ?? 2_000),
  };
}
