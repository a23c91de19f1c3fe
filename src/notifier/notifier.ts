import { maskRecipient, redactCpr } from './redact.ts';

export type Channel = 'sms' | 'email' | 'digital_post' | 'letter';
export interface Message { id: string; channel: Channel; recipient: string | null; body: string; template: string }

/**
 * Sends one message through a provider (SMS gateway, e-mail, Digital Post). Pluggable: the outbox
 * dispatcher only knows this interface. Throwing means "not sent, try again later".
 */
export interface Notifier {
  readonly name: string;
  /** The channels this notifier sends; others stay in the outbox (letters are printed by staff). */
  readonly channels: readonly Channel[];
  send(message: Message): Promise<{ reference: string }>;
}

export type LogLine = (entry: Record<string, unknown>, text: string) => void;

/**
 * The development notifier sends nothing: the message stays recorded in the outbox (as sent) and is
 * written to the log with the recipient masked and anything shaped like a CPR number removed.
 */
export function developmentNotifier(log: LogLine): Notifier {
  let n = 0;
  return {
    name: 'development',
    channels: ['sms', 'email', 'digital_post'],
    async send(m) {
      n += 1;
      const reference = `dev-${Date.now().toString(36)}-${n}`;
      log({ notifier: 'development', outboxId: m.id, channel: m.channel, to: maskRecipient(m.recipient), template: m.template, reference, body: redactCpr(m.body) }, 'message recorded (development notifier: not sent)');
      return { reference };
    },
  };
}

/** The notifier named by LIGEVEJ_NOTIFIER (only "development" exists so far; production plugs in here). */
export function configuredNotifier(log: LogLine, name: string | undefined = process.env.LIGEVEJ_NOTIFIER): Notifier {
  if (name && name !== 'development') throw new Error(`Unknown LIGEVEJ_NOTIFIER "${name}" (known: development)`);
  return developmentNotifier(log);
}
