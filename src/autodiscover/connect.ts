/** `connectByEmail`: discover, then an ExchangeClient set up from the answer. */
import { ExchangeClient, type ExchangeClientOptions } from '../client/exchange-client';
import { EwsError } from '../client/errors';
import { discover, type AutodiscoverResult, type DiscoverOptions } from './discover';

export interface ConnectByEmailOptions extends DiscoverOptions, Omit<ExchangeClientOptions, 'url' | 'auth' | 'tls' | 'timeoutMs'> {}

export interface ConnectedClient {
  readonly client: ExchangeClient;
  readonly settings: AutodiscoverResult;
}

/**
 * Discovers `email`'s EWS endpoint and returns a client for it: the discovered URL, the server's
 * RequestServerVersion (unless `version` is given) and X-AnchorMailbox set to the mailbox. The EWS URL
 * must be https, like every URL that receives the credentials here.
 */
export async function connectByEmail(email: string, options: ConnectByEmailOptions = {}): Promise<ConnectedClient> {
  const settings = await discover(email, options);
  const ewsUrl = new URL(settings.ewsUrl);
  if (ewsUrl.protocol !== 'https:' || ewsUrl.username !== '' || ewsUrl.password !== '') {
    throw new EwsError(`Autodiscover for ${email} named the EWS URL ${ewsUrl.origin}${ewsUrl.pathname}, which is not https; credentials are never sent over plain http`);
  }
  const { rewriteConnectUrl, headers } = options;
  const client = new ExchangeClient({
    ...options,
    url: rewriteConnectUrl ? String(rewriteConnectUrl(ewsUrl)) : settings.ewsUrl,
    version: options.version ?? settings.exchangeVersion,
    headers: { 'X-AnchorMailbox': settings.anchorMailbox, ...headers },
  });
  return { client, settings };
}
