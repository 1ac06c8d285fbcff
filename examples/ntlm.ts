/**
 * NTLM (on-premises Exchange with Windows authentication): NTLMv2 with channel binding over https,
 * the connection kept for the handshake. The embedded simulator speaks Basic only, so this example
 * needs your server:
 *
 *   EWS_URL=https://mail.contoso.com/EWS/Exchange.asmx EWS_DOMAIN=CONTOSO EWS_USERNAME=alice EWS_PASSWORD=... \
 *     npx ts-node examples/ntlm.ts
 */
import { ExchangeClient, findItems, ntlmAuth } from 'typed-ews';

export function ntlmClient(env: NodeJS.ProcessEnv = process.env): ExchangeClient {
  const { EWS_URL, EWS_USERNAME, EWS_PASSWORD, EWS_DOMAIN } = env;
  if (!EWS_URL || !EWS_USERNAME || !EWS_PASSWORD) throw new Error('set EWS_URL, EWS_USERNAME, EWS_PASSWORD (and EWS_DOMAIN unless the user name has it)');
  return new ExchangeClient({
    url: EWS_URL,
    // `DOMAIN\user`, `user@domain` or `user` with `domain`; the password never leaves the process.
    auth: ntlmAuth({ username: EWS_USERNAME, password: EWS_PASSWORD, domain: EWS_DOMAIN }),
    version: 'Exchange2016',
  });
}

if (require.main === module) {
  const client = ntlmClient();
  findItems(client, 'inbox', { pageSize: 5 })
    .then((page) => console.log(page.items.map((item) => item.Subject)))
    .catch((error: unknown) => { console.error(error); process.exitCode = 1; })
    .finally(() => client.close());
}
