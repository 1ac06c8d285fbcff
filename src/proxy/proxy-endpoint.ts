/**
 * Which proxy a request goes through: the `proxy` option, or the environment's HTTPS_PROXY / HTTP_PROXY /
 * ALL_PROXY with NO_PROXY (lower-case forms first, as curl reads them), through proxy-from-env, the
 * resolver axios and npm use. The proxy's credentials (user info of its URL) become a
 * Proxy-Authorization header and are never part of the proxy's name in messages.
 */
import { onFirstUse } from '../schema/on-first-use';

// Required only when a proxy variable is set: resolving and loading the package cost 0.6–3.6 ms of CPU in
// every process, and most environments set none (bench/RESULTS.md, issue 15, third pass).
const environment = onFirstUse<typeof import('proxy-from-env')>(() => require('proxy-from-env'));

/** A proxy URL for every request, `false` for none whatever the environment says; the environment by default. */
export type ProxySetting = string | false | undefined;

export interface ProxyEndpoint {
  /** `http://host:port` without user info: the key for pooling and the name in messages. */
  readonly origin: string;
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number;
  /** `Basic …` for a proxy URL with user info. */
  readonly authorization?: string;
}

/** The proxy for `url`, or undefined to connect directly. A malformed proxy URL is a TypeError naming no credential. */
export function proxyFor(url: string, setting: ProxySetting): ProxyEndpoint | undefined {
  if (setting === false || (setting === undefined && !environmentNamesProxy(url))) return undefined;
  const proxy = setting ?? environment.getProxyForUrl(url);
  return proxy ? parseProxy(proxy) : undefined;
}

/**
 * Whether a variable proxy-from-env would read for `url` names a proxy: `<scheme>_proxy` or `all_proxy`,
 * either case (NO_PROXY only ever excludes). Without one it answers '' for every URL.
 */
function environmentNamesProxy(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  return [`${scheme}_proxy`, 'all_proxy'].some((name) => Boolean(process.env[name] || process.env[name.toUpperCase()]));
}

export function parseProxy(proxy: string): ProxyEndpoint {
  const parsed = URL.canParse(proxy) ? new URL(proxy) : undefined;
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new TypeError('The proxy must be an absolute http: or https: URL (from the `proxy` option or HTTPS_PROXY / HTTP_PROXY)');
  }
  const secure = parsed.protocol === 'https:';
  const port = parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port);
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const credentials = parsed.username === '' && parsed.password === ''
    ? undefined
    : `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  return {
    origin: `${parsed.protocol}//${parsed.host}`,
    secure,
    hostname,
    port,
    ...(credentials !== undefined && { authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` }),
  };
}
