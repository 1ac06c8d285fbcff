/**
 * A real HTTP(S) server on 127.0.0.1 with an ephemeral port, for transport tests. It records every
 * request and numbers the connections, so tests can see which socket carried which request.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The whole body as UTF-8; '' when the handler asked not to wait for it. */
  readonly body: string;
  /** 1 for the first connection the server accepted, 2 for the second… */
  readonly connection: number;
}

export type LoopbackHandler = (
  request: RecordedRequest,
  response: http.ServerResponse,
  raw: http.IncomingMessage,
) => unknown;

export interface LoopbackOptions {
  /** Call the handler as soon as the headers arrived, without reading the body (default false). */
  readonly beforeBody?: boolean;
  /** Serve https with this key and certificate. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
}

export interface LoopbackServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Stops the server and destroys every open socket, idle keep-alive ones included. */
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: LoopbackHandler, options: LoopbackOptions = {}): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const connectionNumbers = new WeakMap<Socket, number>();
  let accepted = 0;

  const onRequest = async (raw: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const body = options.beforeBody ? '' : await readBody(raw);
    const recorded: RecordedRequest = {
      method: raw.method ?? '',
      url: raw.url ?? '',
      headers: raw.headers,
      body,
      connection: connectionNumbers.get(raw.socket) ?? 0,
    };
    requests.push(recorded);
    try {
      await handler(recorded, response, raw);
    } catch (error) {
      response.destroy(error as Error);
    }
  };
  const server = options.tls ? https.createServer(options.tls, onRequest) : http.createServer(onRequest);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    connectionNumbers.set(socket, ++accepted);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/EWS/Exchange.asmx`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}
