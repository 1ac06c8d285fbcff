/**
 * The demo: both seeds against the embedded simulator, or against a real Exchange server when EWS_URL
 * (with EWS_USERNAME/EWS_PASSWORD, or EWS_TOKEN) is set, or found by Autodiscover from EWS_EMAIL (with
 * EWS_PASSWORD). EWS_AUTH (`--auth basic|ntlm|token`) chooses the sign-in, on the simulator too; NTLM
 * takes EWS_DOMAIN. DEMO_EMAIL (`npm run demo -- --email alice@contoso.com`) starts the simulator run
 * from that address by Autodiscover instead of the simulator's URL.
 */
import { basicAuth, bearerAuth, ntlmAuth, type AuthStrategy } from '../client/auth';
import { authFromEnvironment } from '../client/auth/from-environment';
import { ExchangeClient } from '../client/exchange-client';
import { ItemBatches } from '../batch';
import { startSimulator, SimulatorState, ManualClock, type SimulatorOptions } from '../simulator';
import { connectToServerByEmail, connectToSimulatorByEmail, DEMO_EWS_URL } from './by-email';
import { runCalendarSeed, runGroupedSearch, type Log } from './seeds';

const ME = { username: 'alice@contoso.com', password: 'Simulator-1' };
const ATTENDEES = ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com'] as const;
const SENDERS = [
  ['Bob Smith', 'bob@contoso.com'], ['Carol Jones', 'carol@contoso.com'], ['Dave Brown', 'dave@contoso.com'],
  ['Erin White', 'erin@fabrikam.com'], ['Frank Green', 'frank@fabrikam.com'],
] as const;

/** EWS_URL with EWS_USERNAME and EWS_PASSWORD, or EWS_TOKEN: run against that server. */
export type DemoEnvironment = Readonly<Record<string, string | undefined>>;

export async function runDemo(env: DemoEnvironment, log: Log): Promise<void> {
  if (env.EWS_URL || env.EWS_EMAIL) {
    const client = env.EWS_URL
      ? new ExchangeClient({ url: env.EWS_URL, auth: authFromEnvironment(env) })
      : await connectToServerByEmail(env.EWS_EMAIL!, authFromEnvironment({ ...env, EWS_USERNAME: env.EWS_USERNAME ?? env.EWS_EMAIL }), log);
    log(`typed-ews demo against ${client.url}`);
    try {
      await runCalendarSeed(client, log, { attendees: ATTENDEES, sendInvitations: false });
      await runGroupedSearch(client, log);
    } finally {
      client.close();
    }
    return;
  }
  log('SDK loaded.');
  const clock = new ManualClock('2026-11-20T08:00:00Z');
  const state = new SimulatorState({
    seed: 'typed-ews-demo', clock,
    mailboxes: [{ smtpAddress: ME.username, displayName: 'Alice Wilson' }, ...SENDERS.map(([displayName, smtpAddress]) => ({ smtpAddress, displayName }))],
  });
  log('Starting the embedded EWS simulator (src/simulator/) on 127.0.0.1, compiling the EWS schemas once to validate every request…');
  const started = performance.now();
  if (env.DEMO_EMAIL && env.DEMO_EMAIL.toLowerCase() !== ME.username) throw new Error(`the simulator's demo user is ${ME.username}; --email takes that address`);
  const signIn = simulatorSignIn(env.EWS_AUTH);
  const simulator = await startSimulator({ state, users: [ME], autodiscover: { ewsUrl: DEMO_EWS_URL }, ...signIn.simulator });
  const auth = signIn.auth;
  const client = env.DEMO_EMAIL
    ? await connectToSimulatorByEmail(env.DEMO_EMAIL, simulator.url, auth, log)
    : new ExchangeClient({ url: simulator.url, auth });
  log(`typed-ews demo against the embedded EWS simulator at ${simulator.url}, signed in with ${auth.scheme} (ready in ${Math.round(performance.now() - started)} ms)`);
  try {
    await runCalendarSeed(client, log, { attendees: ATTENDEES, sendInvitations: true });
    log('\n… seeding the inbox: 5 senders × 4 messages, one CreateItem each, as the sender (src/demo/run-demo.ts, seedInbox)');
    await seedInbox(client, clock, log);
    await runGroupedSearch(client, log);
    log(`\n${simulator.requestCount()} EWS requests, every one validated against the official schema by the simulator.`);
  } finally {
    client.close();
    await simulator.close();
  }
}

const DEMO_TOKEN = 'typed-ews-demo-token';

/** How the demo signs in to the simulator for `--auth` (EWS_AUTH): Basic by default, NTLM, or a bearer token. */
function simulatorSignIn(method: string | undefined): { auth: AuthStrategy; simulator: Pick<SimulatorOptions, 'authSchemes' | 'bearerTokens'> } {
  switch (method?.toLowerCase()) {
    case 'ntlm': return { auth: ntlmAuth({ username: ME.username, password: ME.password }), simulator: { authSchemes: ['NTLM'] } };
    case 'token': return { auth: bearerAuth(async () => DEMO_TOKEN), simulator: { authSchemes: ['Bearer'], bearerTokens: { [DEMO_TOKEN]: ME.username } } };
    case undefined: case 'basic': return { auth: basicAuth(ME.username, ME.password), simulator: {} };
    default: throw new Error(`EWS_AUTH must be basic, ntlm or token, not ${JSON.stringify(method)}`);
  }
}

/** Five senders each send Alice four messages, an hour apart (the simulator acts as each sender). */
async function seedInbox(client: ExchangeClient, clock: ManualClock, log: Log): Promise<void> {
  const batches = new ItemBatches(client);
  let sent = 0;
  for (let round = 0; round < 4; round++) {
    for (const [name, address] of SENDERS) {
      clock.advance(60 * 60 * 1000);
      const result = await batches.createItems(
        [{ $el: 'Message', Subject: `${name.split(' ')[0]}'s update #${round + 1}`, ToRecipients: [{ EmailAddress: ME.username }], Body: { BodyType: 'Text', $value: 'Hello' } }],
        { messageDisposition: 'SendAndSaveCopy', impersonation: { smtpAddress: address } },
      );
      sent += result.responses.filter((r) => r.result === 'Success').length;
    }
  }
  log(`\n== Seed the inbox: ${sent} messages from ${SENDERS.length} senders ==`);
}

