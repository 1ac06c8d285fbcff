/**
 * A tiny HTTP proxy on 127.0.0.1 for proxy tests: CONNECT tunnels and forward proxying of absolute-URL
 * requests, optionally behind Basic proxy authentication. It records what it was asked, and counts the
 * client connections it accepted, so tests can see that a tunnel was kept.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ProxyRecord {
  readonly kind: 'connect' | 'forward';
  /** `host:port` for CONNECT, the absolute URL for forward requests. */
  readonly target: string;
  readonly proxyAuthorization?: string;
  /** Whether the request was let through (credentials accepted or none needed). */
  readonly allowed: boolean;
}

export interface TestProxy {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly records: ProxyRecord[];
  /** Client connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startTestProxy(options: { readonly credentials?: string } = {}): Promise<TestProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const expected = options.credentials && `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const allowed = (header: string | undefined): boolean => !expected || header === expected;

  const server = http.createServer((request, response) => {
    const proxyAuthorization = request.headers['proxy-authorization'];
    const ok = allowed(proxyAuthorization);
    records.push({ kind: 'forward', target: request.url ?? '', ...(proxyAuthorization && { proxyAuthorization }), allowed: ok });
    if (!ok) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"', 'content-type': 'text/plain' });
      response.end('Proxy Authentication Required');
      return;
    }
    const target = new URL(request.url ?? '');
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: Socket, head: Buffer) => {
    const proxyAuthorization = request.headers['proxy-authorization'];
    const ok = allowed(proxyAuthorization);
    records.push({ kind: 'connect', target: request.url ?? '', ...(proxyAuthorization && { proxyAuthorization }), allowed: ok });
    if (!ok) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    connections: () => accepted,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
