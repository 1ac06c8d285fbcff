/**
 * OAuth 2.0 bearer tokens (Exchange Online). The token provider owns caching and acquisition (MSAL,
 * a managed identity…); this strategy asks it for a fresh token once when the server answers 401,
 * then retries once. A 401 means the request was not processed, so the retry is safe.
 * Errors thrown by the provider reach the caller unchanged.
 */
import { drain, withAuthorization, type AuthSession, type AuthStrategy, type RoundTrip, type WireRequest } from './strategy';
import type { TransportResponse } from '../transport';

export type TokenProvider = (context: { readonly forceRefresh: boolean }) => Promise<string>;

/** Tokens remembered for scrubbing errors: the one in use and the one it replaced (a response may still echo it). */
const REMEMBERED_TOKENS = 2;

export function bearerAuth(tokenProvider: TokenProvider): AuthStrategy {
  const recent: string[] = [];
  const remembering: TokenProvider = async (context) => {
    const token = await tokenProvider(context);
    if (typeof token === 'string' && !recent.includes(token)) {
      recent.unshift(token);
      recent.length = Math.min(recent.length, REMEMBERED_TOKENS);
    }
    return token;
  };
  return { scheme: 'Bearer', open: () => new BearerSession(remembering), secrets: () => recent };
}

class BearerSession implements AuthSession {
  readonly #tokenProvider: TokenProvider;
  /** A forced refresh in flight: concurrent requests rejected together share it. */
  #refreshing: Promise<string> | undefined;

  constructor(tokenProvider: TokenProvider) {
    this.#tokenProvider = tokenProvider;
  }

  async send(request: WireRequest, roundTrip: RoundTrip): Promise<TransportResponse> {
    const first = await roundTrip(withBearer(request, await this.#tokenProvider({ forceRefresh: false })));
    if (first.status !== 401) return first;
    await drain(first.body);
    return roundTrip(withBearer(request, await this.#refresh()));
  }

  close(): void {}

  #refresh(): Promise<string> {
    this.#refreshing ??= this.#tokenProvider({ forceRefresh: true }).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }
}

function withBearer(request: WireRequest, token: string): WireRequest {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('The bearer token provider returned no token');
  }
  return withAuthorization(request, `Bearer ${token}`);
}
