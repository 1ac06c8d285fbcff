/** `npm run demo -- --auth ntlm` (with or without `--email`): the command line, the sign-in it picks, and runs with NTLM. */
import { authFromEnvironment } from '../../src/client/auth/from-environment';
import { demoEnvironment, parseDemoArguments } from '../../src/demo/arguments';
import { runDemo } from '../../src/demo/run-demo';
import { startSimulator } from '../../src/simulator';
import { scaledTimeout } from '../support/pace';

describe('demo command line', () => {
  it('reads --email and --auth, in either order and with =', () => {
    expect(parseDemoArguments([])).toEqual({});
    expect(parseDemoArguments(['--auth', 'ntlm'])).toEqual({ auth: 'ntlm' });
    expect(parseDemoArguments(['--email', 'alice@contoso.com', '--auth', 'NTLM'])).toEqual({ email: 'alice@contoso.com', auth: 'ntlm' });
    expect(parseDemoArguments(['--auth=token', '--email=alice@contoso.com'])).toEqual({ email: 'alice@contoso.com', auth: 'token' });
  });

  it('refuses an unknown flag, a missing value and an unknown method, quoting the usage', () => {
    expect(() => parseDemoArguments(['--verbose'])).toThrow(/^unknown argument "--verbose"\nusage: npm run demo -- \[--email ADDRESS\] \[--auth basic\|ntlm\|token\]$/);
    expect(() => parseDemoArguments(['--auth'])).toThrow(/^--auth needs a value/);
    expect(() => parseDemoArguments(['--email', '--auth', 'ntlm'])).toThrow(/^--email needs a value/);
    expect(() => parseDemoArguments(['--auth', 'kerberos'])).toThrow(/^--auth takes basic, ntlm, token, not "kerberos"/);
  });

  it('passes them on as DEMO_EMAIL and EWS_AUTH, over the environment', () => {
    expect(demoEnvironment({ email: 'alice@contoso.com', auth: 'ntlm' }, { EWS_AUTH: 'basic', PATH: '/bin' }))
      .toEqual({ DEMO_EMAIL: 'alice@contoso.com', EWS_AUTH: 'ntlm', PATH: '/bin' });
  });

  it('EWS_AUTH picks the sign-in: NTLM with EWS_DOMAIN, a token, Basic by default', () => {
    expect(authFromEnvironment({ EWS_AUTH: 'ntlm', EWS_USERNAME: 'alice', EWS_PASSWORD: 'p', EWS_DOMAIN: 'CONTOSO' }).scheme).toBe('NTLM');
    expect(authFromEnvironment({ EWS_TOKEN: 't' }).scheme).toBe('Bearer');
    expect(authFromEnvironment({ EWS_USERNAME: 'alice', EWS_PASSWORD: 'p' }).scheme).toBe('Basic');
    expect(() => authFromEnvironment({ EWS_AUTH: 'token' })).toThrow('EWS_AUTH=token needs EWS_TOKEN');
    expect(() => authFromEnvironment({ EWS_AUTH: 'digest', EWS_USERNAME: 'a', EWS_PASSWORD: 'p' })).toThrow('EWS_AUTH must be one of basic, ntlm, token');
  });
});

describe('demo runs with NTLM', () => {
  it('--auth ntlm --email: Autodiscover and both seeds on the simulator, which accepts only NTLM', async () => {
    const lines: string[] = [];
    await runDemo(demoEnvironment({ auth: 'ntlm', email: 'alice@contoso.com' }, {}), (text) => lines.push(text));
    const output = lines.join('\n');
    expect(output).toContain('== Autodiscover for alice@contoso.com ==');
    expect(output).toMatch(/typed-ews demo against the embedded EWS simulator at http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx, signed in with NTLM/);
    expect(output).toContain('5 groups, 20 items');
  }, scaledTimeout(300));

  it('--auth ntlm against a server named by EWS_URL, with EWS_DOMAIN', async () => {
    const server = await startSimulator({ users: [{ username: 'alice@contoso.com', password: 'Ntlm-Demo-1' }], mailboxes: ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com'], authSchemes: ['NTLM'] });
    const lines: string[] = [];
    try {
      await runDemo({ EWS_URL: server.url, EWS_USERNAME: 'alice', EWS_PASSWORD: 'Ntlm-Demo-1', EWS_DOMAIN: 'CONTOSO', EWS_AUTH: 'ntlm' }, (text) => lines.push(text));
    } finally {
      await server.close();
    }
    const output = lines.join('\n');
    expect(output).toContain(`typed-ews demo against ${server.url}`);
    expect(output).toMatch(/== Create 3 calendar items: overall Success/);
    expect(server.requestCount()).toBeGreaterThan(5);
  }, scaledTimeout(300));
});
