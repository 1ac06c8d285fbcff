/**
 * The server side of NTLM for loopback tests: the simulator's NtlmAcceptor (written independently of
 * src/client/auth, see src/simulator/ntlm-acceptor.ts) in front of a handler, authentication bound to
 * the connection. A wrong NTLMv2 computation on the client therefore fails the handshake.
 */
import type http from 'node:http';
import { NtlmAcceptor, type NtlmAcceptorOptions } from '../../../src/simulator/ntlm-acceptor';
import type { LoopbackHandler } from '../../support/loopback-server';

export interface NtlmAccount {
  readonly user: string;
  readonly domain: string;
  readonly password: string;
}

export interface NtlmServer {
  readonly handler: LoopbackHandler;
  /** One entry per AUTHENTICATE message: who, and whether the proof matched. */
  readonly attempts: { user: string; domain: string; workstation: string; valid: boolean; connection: number }[];
  /** Makes the server forget which connections are authenticated (as after an IIS recycle). */
  forgetAuthentications(): void;
}

export type NtlmServerOptions = NtlmAcceptorOptions;

export function ntlmProtected(account: NtlmAccount, inner: LoopbackHandler, options: NtlmServerOptions = {}): NtlmServer {
  const attempts: NtlmServer['attempts'] = [];
  const authenticated = new Set<number>();
  const acceptor = new NtlmAcceptor<number>(
    (user) => (user.toUpperCase() === account.user.toUpperCase() ? account.password : undefined), options);

  const handler: LoopbackHandler = (request, response, raw) => {
    const token = /^NTLM\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) {
      if (authenticated.has(request.connection)) return inner(request, response, raw);
      return unauthorized(response, 'NTLM');
    }
    const verdict = acceptor.accept(request.connection, token);
    if (verdict.kind === 'challenge') {
      if (request.body !== '') throw new Error('the NEGOTIATE leg must not carry the SOAP body');
      return unauthorized(response, verdict.header);
    }
    if (verdict.attempt) attempts.push({ ...verdict.attempt, connection: request.connection });
    if (verdict.kind === 'refused') return unauthorized(response, 'NTLM');
    authenticated.add(request.connection);
    return inner(request, response, raw);
  };
  return { handler, attempts, forgetAuthentications: () => authenticated.clear() };
}

function unauthorized(response: http.ServerResponse, challenge: string): void {
  response.writeHead(401, { 'WWW-Authenticate': challenge, 'Content-Type': 'text/html' });
  response.end('<html><body>401 - Unauthorized</body></html>');
}
