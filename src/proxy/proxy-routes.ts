/**
 * How HttpTransport reaches a URL when a proxy applies: https targets through a CONNECT tunnel (a pooled
 * TunnelAgent per proxy), plain-http targets through the proxy as a forward proxy (the absolute URL as
 * the request target, RFC 9112 3.2.2). NTLM needs a connection of its own end to end: a tunnel is one,
 * a forward proxy's connection is not (the proxy may send each request on another upstream connection),
 * so NTLM to a plain-http URL through a proxy is refused before any credential is sent.
 */
import http from 'node:http';
import type { AgentOptions as HttpsAgentOptions } from 'node:https';
import { EwsProxyError } from './proxy-error';
import { proxyFor, type ProxyEndpoint, type ProxySetting } from './proxy-endpoint';
import type { TunnelAgent } from './tunnel-agent';
import { https } from '../client/node-builtins';
import { onFirstUse } from '../schema/on-first-use';

// Loaded once a proxy applies: every transport holds ProxyRoutes, and most never route through a proxy.
const tunnels = onFirstUse<typeof import('./tunnel-agent')>(() => require('./tunnel-agent'));

/** `http.request`'s shape: what the transport calls to send one round trip. */
export type RequestFunction = (url: string, options: http.RequestOptions, onResponse: (response: http.IncomingMessage) => void) => http.ClientRequest;

export interface ProxyRoute {
  /** The agent to send on (a tunnel agent, or the pool of connections to a forward proxy). */
  readonly agent: http.Agent;
  /** Sends the request the way this route needs. */
  readonly request: RequestFunction;
}

export interface ProxyRouteOptions {
  readonly proxy?: ProxySetting;
  readonly tls: HttpsAgentOptions;
  readonly maxSockets: number;
}

export class ProxyRoutes {
  readonly #agents = new Map<string, http.Agent>();
  /** Routes by target URL (a client has one or two): the environment is read once per URL, not per request. */
  readonly #routes = new Map<string, ProxyRoute | null>();

  constructor(private readonly options: ProxyRouteOptions) {}

  /** The route to `url`, or undefined for a direct connection. */
  routeFor(url: string): ProxyRoute | undefined {
    let route = this.#routes.get(url);
    if (route === undefined) this.#routes.set(url, (route = this.#route(url) ?? null));
    return route ?? undefined;
  }

  #route(url: string): ProxyRoute | undefined {
    const proxy = proxyFor(url, this.options.proxy);
    if (!proxy) return undefined;
    if (url.startsWith('https:')) {
      const agent = this.#pooled(`tunnel ${proxy.origin}`, () => this.#tunnelAgent(proxy, this.options.maxSockets));
      return { agent, request: (target, options, onResponse) => https.request(target, options, onResponse) };
    }
    const agent = this.#pooled(`forward ${proxy.origin}`, () => this.#forwardAgent(proxy));
    return { agent, request: forwardRequest(proxy) };
  }

  /**
   * A one-socket agent for NTLM to `url`: a tunnel through the proxy, undefined for a direct connection,
   * an EwsProxyError for a forward proxy (see the file comment).
   */
  dedicatedAgent(url: string): http.Agent | undefined {
    const proxy = proxyFor(url, this.options.proxy);
    if (!proxy) return undefined;
    if (url.startsWith('https:')) return this.#tunnelAgent(proxy, 1);
    throw new EwsProxyError(proxy.origin, 'NTLM cannot authenticate a plain-http EWS URL through a forward proxy, which does not keep '
      + 'one connection to the server; use the https URL (tunnelled end to end), or exclude the host with NO_PROXY. No credentials were sent.');
  }

  close(): void {
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
    this.#routes.clear();
  }

  #pooled(key: string, create: () => http.Agent): http.Agent {
    let agent = this.#agents.get(key);
    if (!agent) this.#agents.set(key, (agent = create()));
    return agent;
  }

  #tunnelAgent(proxy: ProxyEndpoint, maxSockets: number): TunnelAgent {
    return new tunnels.TunnelAgent(proxy, { keepAlive: true, maxSockets, ...this.options.tls });
  }

  #forwardAgent(proxy: ProxyEndpoint): http.Agent {
    const options = { keepAlive: true, maxSockets: this.options.maxSockets };
    return proxy.secure ? new https.Agent({ ...options, ...this.options.tls }) : new http.Agent(options);
  }
}

/** Sends to the proxy with the absolute URL as target; a 407 becomes an EwsProxyError. */
function forwardRequest(proxy: ProxyEndpoint): RequestFunction {
  return (target, options, onResponse) => {
    const url = new URL(target);
    const request = (proxy.secure ? https : http).request({
      ...options,
      host: proxy.hostname,
      port: proxy.port,
      path: url.href,
      headers: { ...(options.headers as http.OutgoingHttpHeaders), Host: url.host, ...(proxy.authorization !== undefined && { 'Proxy-Authorization': proxy.authorization }) },
    }, (response) => {
      if (response.statusCode !== 407) return onResponse(response);
      response.resume();
      request.destroy(tunnels.refusal(proxy, response, 'refused the request'));
    });
    return request;
  };
}
