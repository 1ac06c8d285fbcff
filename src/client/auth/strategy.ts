/**
 * How authentication plugs into a transport. A strategy (`basicAuth(…)`, `ntlmAuth(…)`, `bearerAuth(…)`)
 * is configuration; `open` gives each transport its own session, which holds the per-transport state
 * (NTLM's authenticated connections, a token refresh in flight) and decides which round trips one
 * request needs. The transport owns the wire, the deadline and the error mapping.
 */
import type { Agent } from 'node:http';
import type { TransportRequest, TransportResponse } from '../transport';

/** One HTTP round trip as a session asks the transport to make it. */
export interface WireRequest {
  readonly url: string;
  readonly body: TransportRequest['body'];
  readonly headers: Readonly<Record<string, string>>;
  /** Send on this agent instead of the transport's shared pool (NTLM pins a connection). */
  readonly agent?: Agent;
  /** A handshake round trip that does not carry the SOAP body: its outcome never counts as "sent". */
  readonly probe?: boolean;
}

export interface WireResponse extends TransportResponse {
  /** For probes over TLS: the server's certificate (DER), which NTLM channel binding hashes. */
  readonly peerCertificate?: Buffer;
}

/** Makes one round trip within the current request's deadline and cancellation. */
export type RoundTrip = (request: WireRequest) => Promise<WireResponse>;

/** What a transport lends to a session. */
export interface ConnectionFactory {
  /** A keep-alive agent holding at most one socket to `url`'s origin, with the transport's TLS settings. */
  dedicatedAgent(url: string): Agent;
}

export interface AuthSession {
  /** Sends `request` with credentials, making as many round trips as the scheme needs; resolves with the last response. */
  send(request: WireRequest, roundTrip: RoundTrip): Promise<TransportResponse>;
  /** Releases what the session holds (connections). */
  close(): void;
}

export interface AuthStrategy {
  /** The scheme name as in WWW-Authenticate (`Basic`, `NTLM`, `Bearer`), or `none`. */
  readonly scheme: string;
  /** Called once by each transport that uses this strategy. */
  open(connections: ConnectionFactory): AuthSession;
  /**
   * The credentials this strategy sends (or sent lately): the client scrubs them, in every encoding a
   * server might echo them in, out of every error it throws (see redact.ts secretForms).
   */
  secrets?(): readonly string[];
}

/** Sends requests as they are: for servers that need no authentication, or headers the caller sets itself. */
export const noAuth: AuthStrategy = {
  scheme: 'none',
  open: () => ({ send: (request, roundTrip) => roundTrip(request), close: () => undefined }),
};

export function withAuthorization(request: WireRequest, authorization: string): WireRequest {
  return { ...request, headers: { ...request.headers, Authorization: authorization } };
}

/**
 * Reads an intermediate response (a 401 challenge) to its end and drops it: a keep-alive connection
 * carries the next request only once the previous body was consumed.
 */
export function drain(body: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    body.once('end', resolve);
    body.once('error', reject);
    body.resume();
  });
}
