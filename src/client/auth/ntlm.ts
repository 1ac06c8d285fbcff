/**
 * NTLM (NTLMv2) for on-premises Exchange.
 *
 * Why not axios-ntlm: it reacts to 401 in an axios error interceptor (so it never runs with our
 * `validateStatus: () => true`), pins no connection although NTLM authenticates a *connection*,
 * resends the full SOAP body with every handshake leg, signals its retry with an `X-retry` header sent
 * to the server, draws the client challenge from Math.random, writes into a fixed 1 KiB buffer, and
 * falls back to an NTLMv1 path that cannot run (a shadowed `des` variable), and has no channel binding,
 * which Exchange's Extended Protection requires. The protocol is small (ntlm-messages.ts,
 * ntlm-crypto.ts, ntlm-identity.ts), so it is implemented here against MS-NLMP and its test vectors.
 *
 * Connections: each authenticated connection lives in its own one-socket keep-alive agent. A request
 * takes an idle one for its origin or opens a new one; a new one first runs the handshake:
 *   NEGOTIATE (empty body) → 401 + CHALLENGE → AUTHENTICATE with the real body → the real response.
 * Concurrency is bounded by the caller; at most MAX_IDLE_PER_ORIGIN idle connections are kept.
 */
import { STATUS_CODES, type Agent } from 'node:http';
import { finished } from 'node:stream';
import { EwsAuthenticationError } from '../errors';
import { offeredAuthSchemes } from '../http-classify';
import type { TransportResponse } from '../transport';
import { authenticateMessage, ntlmIdentity, type NtlmCredentials, type NtlmIdentity } from './ntlm-identity';
import { NEGOTIATE_MESSAGE, parseChallengeMessage } from './ntlm-messages';
import {
  drain,
  withAuthorization,
  type AuthSession,
  type AuthStrategy,
  type ConnectionFactory,
  type RoundTrip,
  type WireRequest,
  type WireResponse,
} from './strategy';

export type { NtlmCredentials };

const MAX_IDLE_PER_ORIGIN = 8;
/** AUTHENTICATE messages remembered for scrubbing errors (one per connection being set up, a few at once). */
const REMEMBERED_MESSAGES = 4;
const NEGOTIATE_HEADER = `NTLM ${NEGOTIATE_MESSAGE.toString('base64')}`;
const EMPTY_BODY = Buffer.alloc(0);

export function ntlmAuth(credentials: NtlmCredentials): AuthStrategy {
  const identity = ntlmIdentity(credentials);
  // The password itself never leaves (only a proof does, and is not kept); what a server could echo is
  // the last AUTHENTICATE messages, which errors are scrubbed of besides the NTLM pattern in redact.ts.
  const recent: string[] = [];
  const remember = (token: string): void => {
    recent.unshift(token);
    recent.length = Math.min(recent.length, REMEMBERED_MESSAGES);
  };
  return { scheme: 'NTLM', open: (connections) => new NtlmSession(identity, connections, remember), secrets: () => recent };
}

interface PinnedConnection {
  readonly origin: string;
  readonly agent: Agent;
  /** Whether the server accepted this connection's handshake (or asked for none). */
  authenticated: boolean;
}

class NtlmSession implements AuthSession {
  readonly #identity: NtlmIdentity;
  readonly #connections: ConnectionFactory;
  readonly #idle = new Map<string, PinnedConnection[]>();
  readonly #remember: (token: string) => void;

  constructor(identity: NtlmIdentity, connections: ConnectionFactory, remember: (token: string) => void) {
    this.#identity = identity;
    this.#connections = connections;
    this.#remember = remember;
  }

  async send(request: WireRequest, roundTrip: RoundTrip): Promise<TransportResponse> {
    const connection = this.#take(request.url);
    let response: TransportResponse;
    try {
      response = await this.#sendOn(connection, request, roundTrip);
    } catch (error) {
      connection.agent.destroy();
      throw error;
    }
    // The connection is free again once the caller has read the body; a broken body breaks it.
    finished(response.body, (error) => (error ? connection.agent.destroy() : this.#release(connection)));
    return response;
  }

  close(): void {
    for (const connections of this.#idle.values()) for (const connection of connections) connection.agent.destroy();
    this.#idle.clear();
  }

  async #sendOn(connection: PinnedConnection, request: WireRequest, roundTrip: RoundTrip): Promise<TransportResponse> {
    // An authenticated connection that the server closed meanwhile would come back as a new socket.
    if (connection.authenticated && hasIdleSocket(connection.agent)) {
      const response = await roundTrip({ ...request, agent: connection.agent });
      if (response.status !== 401 || !offersNtlm(response.headers)) return response;
      await drain(response.body); // the server dropped the connection's authentication
    }
    connection.authenticated = false;
    return this.#handshake(connection, request, roundTrip);
  }

  async #handshake(connection: PinnedConnection, request: WireRequest, roundTrip: RoundTrip): Promise<TransportResponse> {
    const agent = connection.agent;
    const negotiate = await roundTrip({
      ...withAuthorization(request, NEGOTIATE_HEADER),
      body: EMPTY_BODY,
      agent,
      probe: true,
    });
    if (negotiate.status !== 401) {
      // The server asks for no authentication here: send the real request plainly.
      await drain(negotiate.body);
      connection.authenticated = true;
      return roundTrip({ ...request, agent });
    }
    const challenge = ntlmToken(negotiate.headers);
    // No challenge: NTLM is not offered (or refused); the caller reports the schemes the server offers.
    if (challenge === undefined) return negotiate;
    await drain(negotiate.body);
    const authenticate = this.#authenticateHeader(challenge, negotiate);
    const response = await roundTrip({ ...withAuthorization(request, authenticate), agent });
    connection.authenticated = response.status !== 401;
    return response;
  }

  #authenticateHeader(challengeToken: string, challengeResponse: WireResponse): string {
    let challenge;
    try {
      challenge = parseChallengeMessage(Buffer.from(challengeToken, 'base64'));
    } catch (error) {
      const failure = {
        status: challengeResponse.status,
        statusText: STATUS_CODES[challengeResponse.status] ?? '',
        contentType: challengeResponse.headers['content-type'] ?? '',
        bodyPreview: '',
      };
      throw new EwsAuthenticationError(failure, ['NTLM'], `the server's NTLM challenge is malformed (${(error as Error).message})`);
    }
    // Over TLS the proof is bound to this connection's certificate (channel-binding.ts).
    const token = authenticateMessage(this.#identity, challenge, challengeResponse.peerCertificate).toString('base64');
    this.#remember(token);
    return `NTLM ${token}`;
  }

  #take(url: string): PinnedConnection {
    const origin = new URL(url).origin;
    return this.#idle.get(origin)?.pop() ?? { origin, agent: this.#connections.dedicatedAgent(url), authenticated: false };
  }

  #release(connection: PinnedConnection): void {
    const idle = this.#idle.get(connection.origin) ?? [];
    if (idle.length >= MAX_IDLE_PER_ORIGIN) return connection.agent.destroy();
    idle.push(connection);
    this.#idle.set(connection.origin, idle);
  }
}

/** The base64 NTLM message in a WWW-Authenticate value (a bare `NTLM` offer has none). */
function ntlmToken(headers: Readonly<Record<string, string>>): string | undefined {
  return /(?:^|,)\s*NTLM\s+([A-Za-z0-9+/]+=*)/i.exec(headers['www-authenticate'] ?? '')?.[1];
}

function offersNtlm(headers: Readonly<Record<string, string>>): boolean {
  return offeredAuthSchemes(headers['www-authenticate']).some((scheme) => scheme.toUpperCase() === 'NTLM');
}

function hasIdleSocket(agent: Agent): boolean {
  return Object.values(agent.freeSockets).some((sockets) => (sockets?.length ?? 0) > 0);
}
