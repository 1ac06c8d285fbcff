/** The NTLM handshake against a loopback server that verifies NTLMv2 proofs (helpers/ntlm-server.ts). */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { ntlmAuth } from '../../src/client/auth/ntlm';
import { EwsAuthenticationError } from '../../src/client/errors';
import { openSoapBody } from '../../src/client/soap-response';
import type { LoopbackServer } from '../support/loopback-server';
import { loopbackSession } from './helpers/loopback-session';
import { ntlmProtected, type NtlmServer } from './helpers/ntlm-server';
import { expectNoSecrets, rejectionOf } from './helpers/secrets';

const ENVELOPE = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>';
const ACCOUNT = { user: 'anna', domain: 'CONTOSO', password: 'Corr3ct-Horse!' };

const loopback = loopbackSession();
let ntlm: NtlmServer;

/** Echoes the SOAP body once authenticated; `closeAfter` bodies get `Connection: close`. */
async function startNtlmServer(closeAfter: readonly string[] = []): Promise<LoopbackServer> {
  ntlm = ntlmProtected(ACCOUNT, (request, response) => {
    if (closeAfter.includes(request.body)) response.setHeader('Connection', 'close');
    response.end(`<echo>${request.body}</echo>`);
  });
  return loopback.serve(ntlm.handler);
}

async function call(body = ENVELOPE): Promise<string> {
  return text(await openSoapBody(await loopback.transport.send({ url: loopback.server.url, body, headers: {} })));
}

describe('ntlmAuth', () => {
  it('completes NEGOTIATE → CHALLENGE → AUTHENTICATE on one connection with a valid NTLMv2 proof', async () => {
    const server = await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'anna', password: ACCOUNT.password, domain: 'CONTOSO' }) });
    expect(await call()).toBe(`<echo>${ENVELOPE}</echo>`);
    expect(ntlm.attempts).toEqual([{ user: 'anna', domain: 'CONTOSO', workstation: '', valid: true, connection: 1 }]);
    const [negotiate, authenticate] = server.requests;
    expect(negotiate!.body).toBe(''); // the SOAP body travels once, with AUTHENTICATE
    expect(authenticate!.body).toBe(ENVELOPE);
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);
  });

  it('accepts DOMAIN\\user and sends the workstation name it is given', async () => {
    await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password, workstation: 'BUILD7' }) });
    await call();
    expect(ntlm.attempts).toEqual([{ user: 'anna', domain: 'CONTOSO', workstation: 'BUILD7', valid: true, connection: 1 }]);
  });

  it('sends later requests on the authenticated connection without a new handshake', async () => {
    const server = await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password }) });
    await call('<first/>');
    await call('<second/>');
    await call('<third/>');
    expect(ntlm.attempts).toHaveLength(1);
    expect(server.requests.map((request) => [request.body, request.connection])).toEqual([
      ['', 1],
      ['<first/>', 1],
      ['<second/>', 1],
      ['<third/>', 1],
    ]);
  });

  it('authenticates a new connection when the server closed the previous one', async () => {
    const server = await startNtlmServer(['<first/>']);
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password }) });
    await call('<first/>');
    await call('<second/>');
    expect(ntlm.attempts.map((attempt) => [attempt.valid, attempt.connection])).toEqual([
      [true, 1],
      [true, 2],
    ]);
    expect(server.requests.map((request) => request.body)).toEqual(['', '<first/>', '', '<second/>']);
  });

  it('authenticates the connection again when the server stops honouring it (401 on an authenticated connection)', async () => {
    const server = await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password }) });
    await call('<first/>');
    ntlm.forgetAuthentications();
    expect(await call('<second/>')).toBe('<echo><second/></echo>');
    expect(server.requests.map((request) => [request.body, request.connection])).toEqual([
      ['', 1],
      ['<first/>', 1],
      ['<second/>', 1],
      ['', 1],
      ['<second/>', 1],
    ]);
  });

  it('runs concurrent requests on separate authenticated connections', async () => {
    await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password }) });
    const bodies = await Promise.all([call('<a/>'), call('<b/>'), call('<c/>')]);
    expect(bodies).toEqual(['<echo><a/></echo>', '<echo><b/></echo>', '<echo><c/></echo>']);
    expect(ntlm.attempts.map((attempt) => attempt.valid)).toEqual([true, true, true]);
    expect(new Set(ntlm.attempts.map((attempt) => attempt.connection)).size).toBe(3);
  });

  it('a wrong password ends in EwsAuthenticationError that shows neither the password nor NTLM blobs', async () => {
    await startNtlmServer();
    loopback.connect({ auth: ntlmAuth({ username: 'CONTOSO\\anna', password: 'wrong-Password-9' }) });
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect(error).toMatchObject({ status: 401, offeredSchemes: ['NTLM'] });
    expect(ntlm.attempts).toEqual([expect.objectContaining({ valid: false })]);
    expectNoSecrets(error, ['wrong-Password-9', 'TlRMTVNTUA']);
  });

  it('reports the schemes a server offers when it does not offer NTLM', async () => {
    const server = await loopback.serve((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="contoso"' }).end();
    });
    loopback.connect({ auth: ntlmAuth({ username: 'anna', password: 'x' }) });
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect(error).toMatchObject({ offeredSchemes: ['Basic'], outcomeUnknown: false });
    expect(server.requests).toHaveLength(1);
  });

  it('a malformed CHALLENGE is an authentication error naming the problem', async () => {
    await loopback.serve((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': `NTLM ${Buffer.from('garbage, not NTLM').toString('base64')}` }).end();
    });
    loopback.connect({ auth: ntlmAuth({ username: 'anna', password: 'x' }) });
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect(error.message).toContain("the server's NTLM challenge is malformed (not an NTLM type 2 (CHALLENGE) message)");
  });

  it('sends the request plainly when the server does not ask for authentication', async () => {
    const server = await loopback.serve((request, response) => response.end(`<echo>${request.body}</echo>`));
    loopback.connect({ auth: ntlmAuth({ username: 'anna', password: 'x' }) });
    expect(await call()).toBe(`<echo>${ENVELOPE}</echo>`);
    expect(server.requests.map((request) => request.body)).toEqual(['', ENVELOPE]);
  });

  it('over https binds the proof to the TLS connection, as Extended Protection requires', async () => {
    const fixture = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
    const tls = { key: fixture('loopback-key.pem'), cert: fixture('loopback-cert.pem') };
    // Computed here from first principles: MD5(gss_channel_bindings_struct("tls-server-end-point:" ‖ SHA-256(cert))).
    const applicationData = Buffer.concat([
      Buffer.from('tls-server-end-point:'),
      createHash('sha256').update(new X509Certificate(tls.cert).raw).digest(),
    ]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(applicationData.length);
    const channelBinding = createHash('md5').update(Buffer.concat([Buffer.alloc(16), length, applicationData])).digest();
    ntlm = ntlmProtected(ACCOUNT, (request, response) => response.end(`<echo>${request.body}</echo>`), { channelBinding });
    await loopback.serve(ntlm.handler, { tls });
    loopback.connect({ ca: tls.cert, auth: ntlmAuth({ username: 'CONTOSO\\anna', password: ACCOUNT.password }) });
    expect(await call()).toBe(`<echo>${ENVELOPE}</echo>`);
    expect(ntlm.attempts).toEqual([expect.objectContaining({ valid: true })]);
  });
});
