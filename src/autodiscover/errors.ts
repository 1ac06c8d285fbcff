/**
 * The one error of a failed discovery: every candidate tried, in order, and why it failed, so that the
 * first-contact problem (wrong DNS, certificate, password, a refused redirect) can be read off directly.
 * Candidates are shown by URL only; no header, body or credential is kept.
 */
import { EwsError } from '../client/errors';

/** Why one candidate gave no answer. */
export type AttemptFailure =
  | 'dns' | 'tls' | 'connection' | 'timeout'
  | 'unauthorized' | 'not-found' | 'http-error' | 'invalid-response' | 'server-error'
  /** Not tried, for safety: plain http, a host outside the user's domain, a loop, too many redirects. */
  | 'refused'
  /** The unauthenticated GET answered without a redirect to follow. */
  | 'no-redirect';

export interface AutodiscoverAttempt {
  /** `POST` (with credentials), `GET` (the unauthenticated redirect probe) or `SRV` (a DNS query). */
  readonly method: 'POST' | 'GET' | 'SRV';
  /** The URL (or the DNS name for SRV), as the procedure addressed it. */
  readonly target: string;
  readonly protocol?: 'soap' | 'pox';
  readonly failure: AttemptFailure;
  readonly detail: string;
}

export class AutodiscoverError extends EwsError {
  override readonly name = 'AutodiscoverError';
  readonly email: string;
  readonly attempts: readonly AutodiscoverAttempt[];

  constructor(email: string, attempts: readonly AutodiscoverAttempt[], reason = 'no candidate answered with settings') {
    const lines = attempts.map((attempt, index) => `  ${index + 1}. ${describeAttempt(attempt)}`);
    super(`Autodiscover failed for ${email}: ${reason}.${lines.length > 0 ? `\nTried:\n${lines.join('\n')}` : ''}`, {
      retryable: attempts.some((a) => a.failure === 'timeout' || a.failure === 'connection'),
    });
    this.email = email;
    this.attempts = attempts;
  }
}

export function describeAttempt(attempt: AutodiscoverAttempt): string {
  const protocol = attempt.protocol ? ` (${attempt.protocol.toUpperCase()})` : '';
  return `${attempt.method} ${attempt.target}${protocol}: ${attempt.failure}: ${attempt.detail}`;
}
