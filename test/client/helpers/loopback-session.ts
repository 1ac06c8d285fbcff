import { HttpTransport, type HttpTransportOptions } from '../../../src/client/transport';
import { startLoopbackServer, type LoopbackHandler, type LoopbackOptions, type LoopbackServer } from '../../support/loopback-server';

export interface LoopbackSession {
  /** Starts a loopback server that is closed after the running test. */
  serve(handler: LoopbackHandler, options?: LoopbackOptions): Promise<LoopbackServer>;
  /** Creates a transport that is closed after the running test. */
  connect(options?: HttpTransportOptions): HttpTransport;
  /** The server the running test started last; throws when it started none. */
  readonly server: LoopbackServer;
  /** The transport the running test created last; throws when it created none. */
  readonly transport: HttpTransport;
}

/**
 * Registers an afterEach that closes every transport, then every server, the test opened, so a
 * failing test cannot leak a listening port or a keep-alive socket into the next one.
 */
export function loopbackSession(): LoopbackSession {
  let servers: LoopbackServer[] = [];
  let transports: HttpTransport[] = [];
  afterEach(async () => {
    for (const transport of transports) transport.close();
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
    transports = [];
  });
  return {
    async serve(handler, options) {
      const server = await startLoopbackServer(handler, options);
      servers.push(server);
      return server;
    },
    connect(options) {
      const transport = new HttpTransport(options);
      transports.push(transport);
      return transport;
    },
    get server() {
      return servers.at(-1) ?? missing('no loopback server was started in this test');
    },
    get transport() {
      return transports.at(-1) ?? missing('no transport was created in this test');
    },
  };
}

function missing(message: string): never {
  throw new Error(message);
}
