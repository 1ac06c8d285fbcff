/**
 * The demo's start from an email address: Autodiscover against the simulator (`npm run demo -- --email
 * alice@contoso.com`) or, with EWS_EMAIL, against the real servers of that address's domain.
 */
import { connectByEmail, type AutodiscoverResult } from '../autodiscover';
import type { AuthStrategy } from '../client/auth';
import type { ExchangeClient } from '../client/exchange-client';
import type { Log } from './seeds';

/** The EWS URL the simulator announces in the demo; the contoso.com hosts are routed to it. */
export const DEMO_EWS_URL = 'https://mail.contoso.com/EWS/Exchange.asmx';
const DEMO_HOSTS = new Set(['contoso.com', 'autodiscover.contoso.com', 'mail.contoso.com']);

/**
 * Discovers `email` on the simulator: the demo plays DNS for contoso.com, sending its https hosts to the
 * simulator's loopback port (the simulator speaks plain http), and nothing anywhere else.
 */
export async function connectToSimulatorByEmail(email: string, simulatorUrl: string, auth: AuthStrategy, log: Log): Promise<ExchangeClient> {
  const simulator = new URL(simulatorUrl);
  const { client, settings } = await connectByEmail(email, {
    auth,
    cache: false,
    resolveSrv: async () => [],
    rewriteConnectUrl: (url) => {
      if (!DEMO_HOSTS.has(url.hostname)) throw new Error(`the demo routes only contoso.com hosts to the simulator, not ${url.hostname}`);
      return `${simulator.origin}${url.pathname}${url.search}`;
    },
  });
  logDiscovery(settings, log);
  return client;
}

/** Discovers `email` for real (EWS_EMAIL). */
export async function connectToServerByEmail(email: string, auth: AuthStrategy, log: Log): Promise<ExchangeClient> {
  const { client, settings } = await connectByEmail(email, { auth });
  logDiscovery(settings, log);
  return client;
}

function logDiscovery(settings: AutodiscoverResult, log: Log): void {
  log(`== Autodiscover for ${settings.email} ==`);
  for (const attempt of settings.attempts) log(`  tried ${attempt.method} ${attempt.target}: ${attempt.failure}`);
  log(`  answered by ${settings.autodiscoverUrl} (${settings.protocol.toUpperCase()})`);
  log(`  EWS URL ${settings.ewsUrl}, server ${settings.serverVersion ?? 'unknown'}, RequestServerVersion ${settings.exchangeVersion ?? 'default'}, X-AnchorMailbox ${settings.anchorMailbox}`);
}
