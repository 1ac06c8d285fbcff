/**
 * `npm run demo -- --email alice@contoso.com`: the simulator run starts from the address by Autodiscover.
 * The discovery step is tested on its own (the seeds that follow are demo.test.ts's), to keep the suite light.
 */
import { basicAuth } from '../../src/client/auth';
import { connectToSimulatorByEmail, DEMO_EWS_URL } from '../../src/demo/by-email';
import { runDemo } from '../../src/demo/run-demo';
import { startSimulator } from '../../src/simulator';

describe('npm run demo -- --email', () => {
  it('discovers the simulator from the address and gives a client that works there, logging what it found', async () => {
    const simulator = await startSimulator({ users: [{ username: 'alice@contoso.com', password: 'Simulator-1' }], autodiscover: { ewsUrl: DEMO_EWS_URL }, validateRequests: false });
    const lines: string[] = [];
    const client = await connectToSimulatorByEmail('alice@contoso.com', simulator.url, basicAuth('alice@contoso.com', 'Simulator-1'), (text) => lines.push(text));
    try {
      expect(lines).toEqual([
        '== Autodiscover for alice@contoso.com ==',
        '  answered by https://contoso.com/autodiscover/autodiscover.svc (SOAP)',
        '  EWS URL https://mail.contoso.com/EWS/Exchange.asmx, server 15.1.2507, RequestServerVersion Exchange2016, X-AnchorMailbox alice@contoso.com',
      ]);
      expect(client.url).toBe(simulator.url);
      const { responseMessages } = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'calendar' }] });
      expect(responseMessages[0].responseClass).toBe('Success');
    } finally {
      client.close();
      await simulator.close();
    }
  });

  it('refuses an address that is not the simulator demo user, before starting anything', async () => {
    await expect(runDemo({ DEMO_EMAIL: 'erin@fabrikam.com' }, () => undefined)).rejects.toThrow("the simulator's demo user is alice@contoso.com");
  });
});
