/**
 * OAuth for Exchange Online with @azure/msal-node's client-credentials flow (an app registration with
 * the `full_access_as_app` EWS permission and a client secret). App-only tokens act as no user, so every
 * call names the mailbox through impersonation. MSAL caches the token and renews it before it expires;
 * on a 401 the client asks again with `forceRefresh`. Needs a tenant, so it is type-checked in CI but
 * not run:
 *
 *   npm install @azure/msal-node
 *   AZURE_TENANT_ID=... AZURE_CLIENT_ID=... AZURE_CLIENT_SECRET=... EWS_MAILBOX=alice@contoso.com npx ts-node examples/oauth-msal.ts
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ExchangeClient, bearerAuth, findItems, type TokenProvider } from 'typed-ews';

export function msalTokenProvider(tenantId: string, clientId: string, clientSecret: string): TokenProvider {
  const app = new ConfidentialClientApplication({ auth: { clientId, clientSecret, authority: `https://login.microsoftonline.com/${tenantId}` } });
  return async ({ forceRefresh }) => {
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'], skipCache: forceRefresh });
    if (!result?.accessToken) throw new Error('MSAL returned no access token');
    return result.accessToken;
  };
}

export function exchangeOnlineClient(env: NodeJS.ProcessEnv = process.env): ExchangeClient {
  const { AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, EWS_MAILBOX } = env;
  if (!AZURE_TENANT_ID || !AZURE_CLIENT_ID || !AZURE_CLIENT_SECRET || !EWS_MAILBOX) throw new Error('set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and EWS_MAILBOX');
  return new ExchangeClient({
    url: 'https://outlook.office365.com/EWS/Exchange.asmx',
    auth: bearerAuth(msalTokenProvider(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)),
    impersonation: { smtpAddress: EWS_MAILBOX },
    headers: { 'X-AnchorMailbox': EWS_MAILBOX },
  });
}

if (require.main === module) {
  const client = exchangeOnlineClient();
  findItems(client, 'inbox', { pageSize: 5 })
    .then((page) => console.log(page.items.map((item) => item.Subject)))
    .catch((error: unknown) => { console.error(error); process.exitCode = 1; })
    .finally(() => client.close());
}
