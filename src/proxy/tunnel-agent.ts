/**
 * https through a proxy: an https.Agent whose connections are CONNECT tunnels (RFC 9110 9.3.6), with TLS
 * to the Exchange server run inside the tunnel, so the proxy sees neither the credentials nor the mail.
 * A tunnel is one TCP connection end to end: the agent pools and keeps it alive like any socket, which
 * is what lets NTLM (which authenticates a connection) work through a proxy. Node's own facilities
 * (http CONNECT, tls.connect over the tunnel socket, the asynchronous `createConnection`) are enough:
 * see bench/RESULTS.md, "Proxies", for the measurement against https-proxy-agent.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { EwsProxyError } from './proxy-error';
import type { ProxyEndpoint } from './proxy-endpoint';

type ConnectionCallback = (error: Error | null, socket?: Duplex) => void;

export class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: ProxyEndpoint, options: https.AgentOptions) {
    super(options);
  }

  /** Called by node:http for each new connection; answering through `callback` makes it asynchronous. */
  createConnection(options: tls.ConnectionOptions & { host?: string; port?: number }, callback: ConnectionCallback): undefined {
    const host = options.host ?? 'localhost';
    const port = options.port ?? 443;
    openTunnel(this.proxy, host, port, options).then((socket) => {
      const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
      callback(null, tls.connect({ ...options, socket, ...(servername !== undefined && { servername }) }));
    }, (error: Error) => callback(error));
    return undefined;
  }
}

/** A raw connection to `host:port` through the proxy; a refusal is an EwsProxyError. */
export function openTunnel(proxy: ProxyEndpoint, host: string, port: number, proxyTls: tls.ConnectionOptions = {}): Promise<Socket> {
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  return new Promise((resolve, reject) => {
    const connect = (proxy.secure ? https : http).request({
      host: proxy.hostname,
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers: { Host: authority, ...(proxy.authorization !== undefined && { 'Proxy-Authorization': proxy.authorization }) },
      agent: false,
      ...(proxy.secure && { ca: proxyTls.ca, rejectUnauthorized: proxyTls.rejectUnauthorized }),
    });
    connect.once('connect', (response: http.IncomingMessage, socket: Socket, head: Buffer) => {
      if (response.statusCode === 200) {
        if (head.length > 0) socket.unshift(head);
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(refusal(proxy, response, `refused the tunnel to ${authority}`));
    });
    // A proxy that answers CONNECT as an ordinary request (no tunnel support).
    connect.once('response', (response: http.IncomingMessage) => {
      response.resume();
      reject(refusal(proxy, response, `answered CONNECT ${authority} without opening a tunnel`));
    });
    connect.once('error', (error: NodeJS.ErrnoException) => reject(unreachable(proxy, error)));
    connect.end();
  });
}

/** The proxy's refusal as a typed error: 407 names the schemes it asks for, never our credentials. */
export function refusal(proxy: ProxyEndpoint, response: http.IncomingMessage, what: string): EwsProxyError {
  const status = response.statusCode ?? 0;
  if (status === 407) {
    const schemes = String(response.headers['proxy-authenticate'] ?? '').split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean);
    const offered = schemes.length > 0 ? ` (it offers ${[...new Set(schemes)].join(', ')})` : '';
    const sent = proxy.authorization ? 'rejected the credentials of the proxy URL' : 'requires authentication: put user and password in the proxy URL';
    return new EwsProxyError(proxy.origin, `${sent}${offered}; 407 Proxy Authentication Required`, { status });
  }
  return new EwsProxyError(proxy.origin, `${what}: ${status} ${response.statusMessage ?? ''}`.trim(), { status, retryable: status === 502 || status === 503 || status === 504 });
}

export function unreachable(proxy: ProxyEndpoint, error: NodeJS.ErrnoException): EwsProxyError {
  const code = error.code ?? 'UNKNOWN';
  return new EwsProxyError(proxy.origin, `could not be reached (${code})`, { code, retryable: true, cause: error });
}
