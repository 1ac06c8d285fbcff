/**
 * How the runnable examples connect: to your server when EWS_URL, EWS_USERNAME and EWS_PASSWORD are set
 * (Basic auth), else to an embedded simulator with a few mailboxes, so that `npx ts-node examples/<name>.ts`
 * works out of the box.
 */
import { ExchangeClient, basicAuth } from 'typed-ews';
import { startSimulator } from 'typed-ews/simulator';

export const SIMULATED_MAILBOXES = ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com'];

export interface ExampleConnection {
  readonly client: ExchangeClient;
  readonly close: () => Promise<void>;
}

export async function connect(env: NodeJS.ProcessEnv = process.env): Promise<ExampleConnection> {
  if (env.EWS_URL && env.EWS_USERNAME && env.EWS_PASSWORD) {
    const client = new ExchangeClient({ url: env.EWS_URL, auth: basicAuth(env.EWS_USERNAME, env.EWS_PASSWORD) });
    return { client, close: async () => client.close() };
  }
  const simulator = await startSimulator({ users: [{ username: 'alice@contoso.com', password: 'Simulator-1' }], mailboxes: SIMULATED_MAILBOXES });
  const client = new ExchangeClient({ url: simulator.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  return { client, close: async () => { client.close(); await simulator.close(); } };
}

/** Runs an example's main function when its file is run directly, closing the connection afterwards. */
export function runExample(main: (client: ExchangeClient) => Promise<unknown>): void {
  void (async () => {
    const { client, close } = await connect();
    try {
      console.log(JSON.stringify(await main(client), null, 2));
    } finally {
      await close();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
