/**
 * Loopback plumbing for the Autodiscover tests: every URL the procedure addresses (https://contoso.com/…)
 * is routed by origin to a server on 127.0.0.1; an origin without a route goes to a port where nothing
 * listens, so a test never reaches the network and an unrouted candidate fails as "connection refused".
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { DiscoverOptions } from '../../src/autodiscover';
import { basicAuth } from '../../src/client/auth';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

export interface Router {
  /** `rewriteConnectUrl` for discover(): routes by the addressed origin (`https://contoso.com`). */
  readonly rewrite: (url: URL) => string;
  /** Addressed URLs in the order they were connected to. */
  readonly connected: string[];
  route(origin: string, target: string): void;
}

export function router(closedOrigin: string): Router {
  const routes = new Map<string, string>();
  const connected: string[] = [];
  return {
    connected,
    route: (origin, target) => routes.set(origin.toLowerCase(), target.replace(/\/$/, '')),
    rewrite: (url) => {
      connected.push(url.toString());
      return `${routes.get(url.origin.toLowerCase()) ?? closedOrigin}${url.pathname}${url.search}`;
    },
  };
}

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

export interface LoopbackServer {
  readonly origin: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (request: SeenRequest, res: http.ServerResponse) => void;

/** A plain (or, with `tls`, https) server on 127.0.0.1:0 that records every request. */
export async function serve(handler: Handler, tls?: { key: Buffer; cert: Buffer }): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      handler(seen, res);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** An origin on loopback where nothing listens (connections are refused). */
export async function closedOrigin(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Origin of a running simulator (its url is the EWS endpoint). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export const PASSWORD = 'Disc0very-Secret';
export const EWS = 'https://mail.contoso.com/EWS/Exchange.asmx';
export const auth = basicAuth('alice@contoso.com', PASSWORD);

/**
 * Simulators and loopback servers for one test file, closed after each test: call at the top level of
 * the file (it registers the afterEach).
 */
export function serversClosedAfterEach(): {
  simulator(options?: SimulatorOptions): Promise<RunningSimulator>;
  loopback(handler: Handler, tls?: { key: Buffer; cert: Buffer }): Promise<LoopbackServer>;
} {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  return {
    async simulator(options = {}) {
      const sim = await startSimulator({
        users: [{ username: 'alice@contoso.com', password: PASSWORD }], validateRequests: false,
        ...options, autodiscover: { ewsUrl: EWS, ...options.autodiscover },
      });
      running.push(sim);
      return sim;
    },
    async loopback(handler, tls) {
      const server = await serve(handler, tls);
      running.push(server);
      return server;
    },
  };
}

/** Routes for the addressed hosts, and discover() options that use them (no cache, no SRV records). */
export async function routedSetup(): Promise<{ routes: Router; options: DiscoverOptions }> {
  const routes = router(await closedOrigin());
  return { routes, options: { auth, rewriteConnectUrl: routes.rewrite, cache: false, resolveSrv: async () => [] } };
}
