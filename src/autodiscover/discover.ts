/**
 * `discover(email, options)`: from an email address to the EWS URL and the settings a client needs.
 *
 * Candidates are tried in the documented order (candidates.ts), each with the protocols in `protocols`
 * (SOAP, then POX, by default), until one answers with settings. Safety rules, checked before any
 * request that carries credentials:
 * - only https URLs, never with user info;
 * - only hosts in the user's email domain, unless the host came from an SRV record, an HTTP redirect
 *   or a redirectUrl and `validateRedirectionUrl` (the Managed API's RedirectionUrlValidationCallback)
 *   approves it; a redirectAddr answer moves the search to the new address's domain;
 * - at most `maxRedirects` (≤ 10) redirects of any kind, and no URL or address asked twice.
 * Every failed or refused candidate is recorded; when none answers, the AutodiscoverError lists them.
 */
import { promises as dns } from 'node:dns';
import type { AuthStrategy } from '../client/auth/strategy';
import { EwsAbortError, EwsRedirectError } from '../client/errors';
import { redact } from '../client/redact';
import { openSoapBody } from '../client/soap-response';
import { HttpTransport, type HttpTransportOptions } from '../client/transport';
import type { AutodiscoverAnswer, AutodiscoverProtocol, DiscoveredSettings } from './answer';
import { defaultAutodiscoverCache, type AutodiscoverCache, type CachedDiscovery } from './cache';
import {
  emailDomain, hostEndpoints, insecurity, isInDomain, protocolOfUrl, redirectProbeUrl, srvName, srvOrigins, type Endpoint, type SrvRecord,
} from './candidates';
import { AutodiscoverError, type AttemptFailure, type AutodiscoverAttempt } from './errors';
import { classify, classifyNodeError } from './failures';
import { probeRedirect } from './http-probe';
import { readPoxAnswer, poxRequestBody } from './pox';
import { GET_USER_SETTINGS_ACTION } from './schema';
import { readSoapAnswer, soapRequestBody } from './soap';

export const MAX_REDIRECTS = 10;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Why a URL outside the user's domain is up for approval. */
export type RedirectionReason = 'srv' | 'http-redirect' | 'redirect-url' | 'location';

export interface RedirectionContext {
  readonly reason: RedirectionReason;
  /** The address being discovered and its domain. */
  readonly email: string;
  readonly domain: string;
  /** The URL that pointed there (absent for SRV). */
  readonly from?: string;
}

/** Returns true to let `url` receive the credentials. */
export type RedirectionUrlValidator = (url: string, context: RedirectionContext) => boolean | Promise<boolean>;

export interface DiscoverOptions {
  readonly auth?: AuthStrategy;
  /** Protocols to ask each candidate host, in order; `['soap', 'pox']` by default. */
  readonly protocols?: readonly AutodiscoverProtocol[];
  /** Which EWS URL `ewsUrl` is when the server names both; `external` by default. */
  readonly prefer?: 'external' | 'internal';
  /** Approves hosts outside the email domain (SRV targets, redirects); without it they are refused. */
  readonly validateRedirectionUrl?: RedirectionUrlValidator;
  /** At most 10 (the default). */
  readonly maxRedirects?: number;
  /** DNS SRV lookup; node:dns by default. */
  readonly resolveSrv?: (name: string) => Promise<readonly SrvRecord[]>;
  /** Where answers are kept per domain; the process-wide in-memory cache by default, `false` for none. */
  readonly cache?: AutodiscoverCache | false;
  /** Deadline of each request, 30 s by default. */
  readonly timeoutMs?: number;
  readonly tls?: Pick<HttpTransportOptions, 'ca' | 'rejectUnauthorized'>;
  readonly signal?: AbortSignal;
  /**
   * Where to connect for a URL the procedure addresses: tests and the simulator map
   * `https://contoso.com/...` to `http://127.0.0.1:port/...`. Every rule above, every message and the
   * result use the addressed URL; only the socket goes elsewhere. Never needed against real servers.
   */
  readonly rewriteConnectUrl?: (url: URL) => URL | string;
}

export interface AutodiscoverResult extends DiscoveredSettings {
  /** The address asked for. */
  readonly email: string;
  readonly protocol: AutodiscoverProtocol;
  /** The Autodiscover endpoint that answered. */
  readonly autodiscoverUrl: string;
  readonly fromCache: boolean;
  /** Candidates that failed before the one that answered. */
  readonly attempts: readonly AutodiscoverAttempt[];
}

export async function discover(email: string, options: DiscoverOptions = {}): Promise<AutodiscoverResult> {
  const domain = emailDomain(email);
  const cache = options.cache === false ? undefined : options.cache ?? defaultAutodiscoverCache;
  const cached = cache?.get(domain);
  if (cached) return fromCache(email, cached);
  const discovery = new Discovery(options);
  try {
    const found = await discovery.run(email);
    const result: AutodiscoverResult = {
      ...found.settings, email, protocol: found.endpoint.protocol, autodiscoverUrl: found.endpoint.url, fromCache: false,
      attempts: discovery.attempts,
    };
    // An answer for a redirected address is that address's, not the domain's.
    if (cache && !found.redirectedAddress) cache.set(cacheEntry(domain, result), found.settings.ttlMs);
    return result;
  } finally {
    discovery.close();
  }
}

function fromCache(email: string, entry: CachedDiscovery): AutodiscoverResult {
  const { domain: _domain, expiresAt: _expiresAt, ...settings } = entry;
  return { ...settings, email, smtpAddress: email, anchorMailbox: email, fromCache: true, attempts: [] };
}

function cacheEntry(domain: string, result: AutodiscoverResult): Omit<CachedDiscovery, 'expiresAt'> {
  const { ewsUrl, externalEwsUrl, internalEwsUrl, serverVersion, exchangeVersion, protocol, autodiscoverUrl } = result;
  return {
    domain, ewsUrl, protocol, autodiscoverUrl,
    ...(externalEwsUrl && { externalEwsUrl }), ...(internalEwsUrl && { internalEwsUrl }),
    ...(serverVersion && { serverVersion }), ...(exchangeVersion && { exchangeVersion }),
  };
}

interface Found {
  readonly settings: DiscoveredSettings;
  readonly endpoint: Endpoint;
  readonly redirectedAddress: boolean;
}

type Exchanged =
  | { readonly answer: AutodiscoverAnswer }
  | { readonly location: string }
  | { readonly failure: AttemptFailure; readonly detail: string };

/** Failures after which the other protocol on the same host is not worth a try. */
const HOST_UNREACHABLE: ReadonlySet<AttemptFailure> = new Set(['dns', 'tls', 'connection', 'timeout']);

class Discovery {
  readonly attempts: AutodiscoverAttempt[] = [];
  private redirects = 0;
  private readonly visited = new Set<string>();
  private readonly transport: HttpTransport;
  private readonly protocols: readonly AutodiscoverProtocol[];
  private readonly maxRedirects: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: DiscoverOptions) {
    this.protocols = options.protocols ?? ['soap', 'pox'];
    if (this.protocols.length === 0 || this.protocols.some((p) => p !== 'soap' && p !== 'pox')) {
      throw new TypeError("discover: protocols must list 'soap' and/or 'pox'");
    }
    const max = options.maxRedirects ?? MAX_REDIRECTS;
    if (!Number.isInteger(max) || max < 0) throw new TypeError('discover: maxRedirects must be a non-negative integer');
    this.maxRedirects = Math.min(max, MAX_REDIRECTS);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transport = new HttpTransport({ auth: options.auth, timeoutMs: this.timeoutMs, maxSockets: 2, ...options.tls });
  }

  close(): void {
    this.transport.close();
  }

  async run(email: string): Promise<Found> {
    const asked = new Set<string>();
    let address = email;
    for (;;) {
      asked.add(address.toLowerCase());
      const found = await this.searchDomain(address, emailDomain(address));
      if (!found) throw new AutodiscoverError(email, this.attempts);
      const { answer, endpoint } = found;
      if (answer.kind === 'settings') return { settings: answer.settings, endpoint, redirectedAddress: address !== email };
      if (answer.kind !== 'redirectAddr') throw new Error(`unexpected answer ${answer.kind}`);
      const next = answer.email;
      try {
        emailDomain(next);
      } catch {
        this.record('POST', endpoint, 'refused', `redirectAddr ${JSON.stringify(next.slice(0, 80))} is not an email address`);
        throw new AutodiscoverError(email, this.attempts, 'the server redirected to an invalid address');
      }
      if (asked.has(next.toLowerCase())) {
        this.record('POST', endpoint, 'refused', `redirectAddr to ${next}, which was already asked (redirect loop)`);
        throw new AutodiscoverError(email, this.attempts, 'redirect loop');
      }
      this.countRedirect(email, endpoint);
      address = next;
    }
  }

  /** The documented candidates of one address's domain; the first answer that is settings or redirectAddr. */
  private async searchDomain(email: string, domain: string): Promise<{ answer: AutodiscoverAnswer; endpoint: Endpoint } | undefined> {
    for (const origin of [`https://${domain}`, `https://autodiscover.${domain}`]) {
      const found = await this.tryOrigin(origin, email, domain);
      if (found) return found;
    }
    const redirected = await this.probeHttpRedirect(email, domain);
    if (redirected) {
      const outcome = await this.follow(redirected.endpoint, email, domain, 'http-redirect', redirected.from);
      if (outcome.found) return outcome.found;
    }
    for (const origin of await this.srvOrigins(domain)) {
      const found = await this.tryOrigin(origin, email, domain, 'srv');
      if (found) return found;
    }
    return undefined;
  }

  private async tryOrigin(origin: string, email: string, domain: string, reason?: RedirectionReason) {
    for (const endpoint of hostEndpoints(origin, this.protocols)) {
      const outcome = await this.follow(endpoint, email, domain, reason);
      if (outcome.found) return outcome.found;
      if (outcome.hostUnreachable) break;
    }
    return undefined;
  }

  /** Asks one endpoint, following redirectUrl answers and HTTP redirects within the limits. */
  private async follow(start: Endpoint, email: string, domain: string, firstReason?: RedirectionReason, firstFrom?: string) {
    let endpoint = start;
    let reason = firstReason;
    let from = firstFrom;
    for (;;) {
      const refusal = await this.refusal(endpoint.url, { email, domain, reason, from });
      if (refusal) {
        this.record('POST', endpoint, 'refused', refusal);
        return {};
      }
      const key = `${endpoint.protocol} ${endpoint.url.toLowerCase()} ${email.toLowerCase()}`;
      if (this.visited.has(key)) {
        this.record('POST', endpoint, 'refused', 'already asked during this discovery (redirect loop)');
        return {};
      }
      this.visited.add(key);
      const outcome = await this.exchange(endpoint, email);
      if ('failure' in outcome) {
        this.record('POST', endpoint, outcome.failure, outcome.detail);
        return { hostUnreachable: HOST_UNREACHABLE.has(outcome.failure) };
      }
      if ('answer' in outcome && outcome.answer.kind === 'error') {
        this.record('POST', endpoint, 'server-error', `${outcome.answer.code}${outcome.answer.message ? `: ${outcome.answer.message}` : ''}`);
        return {};
      }
      if ('answer' in outcome && outcome.answer.kind !== 'redirectUrl') return { found: { answer: outcome.answer, endpoint } };
      const target = 'location' in outcome ? outcome.location : (outcome.answer as { url: string }).url;
      const next = resolveUrl(target, endpoint.url);
      if (!next) {
        this.record('POST', endpoint, 'refused', `the redirect target ${JSON.stringify(redact(target).slice(0, 120))} is not a URL`);
        return {};
      }
      this.countRedirect(email, endpoint);
      from = endpoint.url;
      reason = 'location' in outcome ? 'location' : 'redirect-url';
      endpoint = { url: next, protocol: protocolOfUrl(next) };
    }
  }

  /** Why `url` may not receive credentials, or undefined. */
  private async refusal(url: string, context: { email: string; domain: string; reason?: RedirectionReason; from?: string }): Promise<string | undefined> {
    const parsed = new URL(url);
    const insecure = insecurity(parsed);
    if (insecure) return insecure;
    if (context.reason === undefined || isInDomain(parsed.hostname, context.domain)) return undefined;
    const validate = this.options.validateRedirectionUrl;
    const outside = `${parsed.hostname} (${describeReason(context.reason)}) is outside ${context.domain}`;
    if (!validate) return `${outside}; pass validateRedirectionUrl to allow it`;
    try {
      const { reason, email, domain, from } = context;
      if (await validate(url, { reason, email, domain, ...(from && { from }) })) return undefined;
      return `${outside} and validateRedirectionUrl refused it`;
    } catch (error) {
      return `${outside} and validateRedirectionUrl threw: ${redact(String((error as Error)?.message ?? error))}`;
    }
  }

  private async exchange(endpoint: Endpoint, email: string): Promise<Exchanged> {
    const soap = endpoint.protocol === 'soap';
    const prefer = this.options.prefer ?? 'external';
    try {
      const response = await this.transport.send({
        url: this.connectUrl(endpoint.url),
        body: soap ? soapRequestBody(email, endpoint.url) : poxRequestBody(email),
        headers: {},
        ...(soap && { soapAction: GET_USER_SETTINGS_ACTION }),
        timeoutMs: this.timeoutMs,
        signal: this.options.signal,
      });
      const body = (await openSoapBody(response)) as AsyncIterable<Buffer>;
      return { answer: soap ? await readSoapAnswer(body, email, prefer) : await readPoxAnswer(body, email, prefer) };
    } catch (error) {
      if (error instanceof EwsRedirectError && error.location) return { location: error.location };
      if (error instanceof EwsAbortError) throw error;
      return classify(error);
    }
  }

  private async probeHttpRedirect(email: string, domain: string): Promise<{ endpoint: Endpoint; from: string } | undefined> {
    const url = redirectProbeUrl(domain);
    const attempt = { url, protocol: undefined };
    let status: number;
    let location: string | undefined;
    try {
      ({ status, location } = await probeRedirect(this.connectUrl(url), { timeoutMs: this.timeoutMs, signal: this.options.signal, tls: this.options.tls }));
    } catch (error) {
      if (this.options.signal?.aborted) throw new EwsAbortError(false);
      const { failure, detail } = classifyNodeError(error);
      this.record('GET', attempt, failure, detail);
      return undefined;
    }
    const next = status >= 300 && status < 400 && location !== undefined ? resolveUrl(location, url) : undefined;
    if (!next) {
      this.record('GET', attempt, 'no-redirect', `HTTP ${status}${location === undefined ? '' : ' with an unusable Location'}`);
      return undefined;
    }
    this.countRedirect(email, attempt);
    return { endpoint: { url: next, protocol: protocolOfUrl(next) }, from: url };
  }

  private async srvOrigins(domain: string): Promise<string[]> {
    const name = srvName(domain);
    const resolveSrv = this.options.resolveSrv ?? ((query: string) => dns.resolveSrv(query));
    try {
      const origins = srvOrigins(await resolveSrv(name));
      if (origins.length === 0) this.record('SRV', { url: name }, 'dns', 'no usable SRV record');
      return origins;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      this.record('SRV', { url: name }, 'dns', `SRV lookup failed (${code})`);
      return [];
    }
  }

  private countRedirect(email: string, at: { url: string; protocol?: AutodiscoverProtocol }): void {
    if (++this.redirects <= this.maxRedirects) return;
    this.record('POST', at, 'refused', `more than ${this.maxRedirects} redirects`);
    throw new AutodiscoverError(email, this.attempts, `more than ${this.maxRedirects} redirects`);
  }

  private connectUrl(url: string): string {
    const rewrite = this.options.rewriteConnectUrl;
    return rewrite ? String(rewrite(new URL(url))) : url;
  }

  private record(method: AutodiscoverAttempt['method'], at: { url: string; protocol?: AutodiscoverProtocol }, failure: AttemptFailure, detail: string): void {
    this.attempts.push({ method, target: redact(at.url), ...(at.protocol && { protocol: at.protocol }), failure, detail: redact(detail) });
  }
}

function describeReason(reason: RedirectionReason): string {
  switch (reason) {
    case 'srv': return 'from a DNS SRV record';
    case 'http-redirect': return 'from the unauthenticated HTTP redirect';
    case 'redirect-url': return 'from a redirectUrl answer';
    default: return 'from an HTTP redirect';
  }
}

/** An absolute URL from a Location or redirectUrl value (relative to `base`), or undefined. */
function resolveUrl(target: string, base: string): string | undefined {
  try {
    const url = new URL(target.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
