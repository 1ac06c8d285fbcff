/**
 * Where to look, in the documented order (learn.microsoft.com "Autodiscover for Exchange", "Generate a
 * list of Autodiscover endpoints"): the email domain itself, `autodiscover.<domain>`, an unauthenticated
 * GET on `http://autodiscover.<domain>/autodiscover/autodiscover.xml` that redirects to an https
 * endpoint, then the DNS SRV record `_autodiscover._tcp.<domain>`. And which hosts may receive credentials.
 */
import type { AutodiscoverProtocol } from './answer';
import { POX_PATH } from './pox';
import { SOAP_PATH } from './soap';

export interface SrvRecord {
  readonly name: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

export interface Endpoint {
  readonly url: string;
  readonly protocol: AutodiscoverProtocol;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The domain of an email address, lower-cased; a TypeError for anything that is not `local@host.name`. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1).trim().toLowerCase() : '';
  if (!HOST_NAME.test(domain) || /\s/.test(email.slice(0, at))) {
    throw new TypeError(`Autodiscover needs an email address (local@domain), got ${JSON.stringify(email.slice(0, 80))}`);
  }
  return domain;
}

/** Whether `host` is the domain or one of its subdomains: the hosts that may receive the user's credentials. */
export function isInDomain(host: string, domain: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === domain || name.endsWith(`.${domain}`);
}

export function endpointPath(protocol: AutodiscoverProtocol): string {
  return protocol === 'soap' ? SOAP_PATH : POX_PATH;
}

/** The protocol an Autodiscover URL speaks, from its path (`.svc` is SOAP, anything else POX). */
export function protocolOfUrl(url: string): AutodiscoverProtocol {
  return /\.svc$/i.test(new URL(url).pathname) ? 'soap' : 'pox';
}

/** Endpoints of one host in the order of `protocols`. */
export function hostEndpoints(origin: string, protocols: readonly AutodiscoverProtocol[]): Endpoint[] {
  return protocols.map((protocol) => ({ url: `${origin}${endpointPath(protocol)}`, protocol }));
}

/** The GET probe's URL: always plain http, never carrying credentials. */
export function redirectProbeUrl(domain: string): string {
  return `http://autodiscover.${domain}${POX_PATH}`;
}

export function srvName(domain: string): string {
  return `_autodiscover._tcp.${domain}`;
}

/** SRV targets by priority (lowest first), then weight (highest first), as https origins. */
export function srvOrigins(records: readonly SrvRecord[]): string[] {
  return [...records]
    .filter((record) => HOST_NAME.test(record.name.replace(/\.$/, '')) && record.port > 0 && record.port < 65536)
    .sort((a, b) => a.priority - b.priority || b.weight - a.weight)
    .map((record) => `https://${record.name.replace(/\.$/, '').toLowerCase()}${record.port === 443 ? '' : `:${record.port}`}`);
}

/** Why a URL may not receive credentials regardless of its host, or undefined when it may. */
export function insecurity(url: URL): string | undefined {
  if (url.protocol !== 'https:') return `credentials are never sent over ${url.protocol.replace(':', '')}`;
  if (url.username !== '' || url.password !== '') return 'the URL carries user info';
  return undefined;
}
