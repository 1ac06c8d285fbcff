/** `npm run demo -- --email alice@contoso.com`: the simulator run, started from the address by Autodiscover. */
import { runDemo } from '../../src/demo/run-demo';

describe('npm run demo -- --email', () => {
  it('discovers the simulator from the address, then runs the seeds through the discovered client', async () => {
    const lines: string[] = [];
    await runDemo({ DEMO_EMAIL: 'alice@contoso.com' }, (text) => lines.push(text));
    const output = lines.join('\n');
    expect(output).toContain('== Autodiscover for alice@contoso.com ==\n  answered by https://contoso.com/autodiscover/autodiscover.svc (SOAP)');
    expect(output).toContain('EWS URL https://mail.contoso.com/EWS/Exchange.asmx, server 15.1.2507, RequestServerVersion Exchange2016, X-AnchorMailbox alice@contoso.com');
    expect(output).toContain('== Create 3 calendar items: overall Success');
    expect(output).toContain('5 groups, 20 items');
  }, 600_000); // the whole demo: generous, since its length depends on the machine's load

  it('refuses an address that is not the simulator demo user, before starting anything', async () => {
    await expect(runDemo({ DEMO_EMAIL: 'erin@fabrikam.com' }, () => undefined)).rejects.toThrow("the simulator's demo user is alice@contoso.com");
  });
});
