/**
 * The trace hook: envelopes, status, headers and timings of every request, through hooks or DEBUG=typed-ews:*,
 * and never a credential, whether Basic, bearer or NTLM, and whoever echoes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { GetFolderType } from '../../generated/messages';
import { basicAuth, bearerAuth, ntlmAuth, type AuthStrategy } from '../../src/client/auth';
import { ExchangeClient, type ExchangeClientOptions } from '../../src/client/exchange-client';
import { startSimulator, type SimulatorOptions } from '../../src/simulator';
import { formatRequest, formatResponse } from '../../src/trace/debug-trace';
import type { TraceErrorEvent, TraceHooks, TraceRequestEvent, TraceResponseEvent } from '../../src/trace';
import { loopbackSession } from '../client/helpers/loopback-session';
import { ntlmProtected } from '../client/helpers/ntlm-server';

const ALICE = { username: 'alice@contoso.com', password: 'Tr4ce-Secret-pw' };
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const FIXTURES = path.join(__dirname, '..', 'client', 'fixtures');
const TLS = { key: readFileSync(path.join(FIXTURES, 'loopback-key.pem')), cert: readFileSync(path.join(FIXTURES, 'loopback-cert.pem')) };
const GET_INBOX: GetFolderType = { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] };
const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** Every trace event of a run, and all of them rendered as text (what a log would hold). */
interface Recorded {
  readonly requests: TraceRequestEvent[];
  readonly responses: TraceResponseEvent[];
  readonly errors: TraceErrorEvent[];
  readonly hooks: TraceHooks;
  text(): string;
}

function recorder(maxBodyBytes?: number): Recorded {
  const requests: TraceRequestEvent[] = [];
  const responses: TraceResponseEvent[] = [];
  const errors: TraceErrorEvent[] = [];
  return {
    requests, responses, errors,
    hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e), onError: (e) => errors.push(e), ...(maxBodyBytes && { maxBodyBytes }) },
    text: () => [...requests, ...responses, ...errors].map((event) => JSON.stringify(event)).join('\n'),
  };
}

/** Runs `run` on a client of a fresh simulator with `trace`; resolves once the last response was reported. */
async function traced(simulator: SimulatorOptions, auth: AuthStrategy, trace: Recorded, run: (client: ExchangeClient) => Promise<unknown>, client: Partial<ExchangeClientOptions> = {}): Promise<void> {
  const sim = await startSimulator({ seed: 'trace', users: [{ username: ALICE.username, password: ALICE.password }], ...simulator });
  const ews = new ExchangeClient({ url: sim.url, auth, trace: trace.hooks, ...(simulator.tls && { tls: { ca: simulator.tls.cert } }), ...client });
  try {
    await run(ews);
  } finally {
    ews.close();
    await sim.close();
  }
}

function expectNone(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) if (text.includes(secret)) throw new Error(`the trace contains "${secret}":\n${text}`);
}

describe('trace hooks', () => {
  it('report the request envelope and headers, then status, response headers, envelope and both timings', async () => {
    const trace = recorder();
    await traced({}, basicAuth(ALICE.username, ALICE.password), trace, (client) => client.call('GetFolder', GET_INBOX, { headers: { 'X-ClientStatistics': 'one' } }));
    const [request] = trace.requests;
    expect(request).toMatchObject({ id: 1, soapAction: expect.stringContaining('GetFolder'), headers: { 'X-ClientStatistics': 'one' } });
    expect(request!.envelope).toContain('<m:GetFolder>');
    expect(request!.envelope).toContain('<t:DistinguishedFolderId Id="inbox"');
    expect(request!.envelopeBytes).toBe(Buffer.byteLength(request!.envelope));
    const [response] = trace.responses;
    expect(response).toMatchObject({ id: 1, status: 200, truncated: false, headers: expect.objectContaining({ 'content-type': 'text/xml; charset=utf-8' }) });
    expect(response!.envelope).toContain('GetFolderResponseMessage ResponseClass="Success"');
    expect(response!.bodyBytes).toBe(Buffer.byteLength(response!.envelope));
    expect(response!.timeToHeadersMs).toBeGreaterThan(0);
    expect(response!.timeToEndMs).toBeGreaterThanOrEqual(response!.timeToHeadersMs);
    expect(trace.errors).toEqual([]);
  });

  it('show the first bytes of a large streamed answer without holding it, and the whole size', async () => {
    const trace = recorder(1024);
    await traced({}, basicAuth(ALICE.username, ALICE.password), trace, async (client) => {
      const created = await client.call('CreateItem', {
        MessageDisposition: 'SaveOnly',
        Items: Array.from({ length: 60 }, (_, i) => ({ $el: 'Message' as const, Subject: `message ${i}` })),
      });
      const ids = created.responseMessages.flatMap((m) => (m.payload as { Items?: { ItemId?: { Id: string } }[] }).Items ?? []).map((item) => ({ $el: 'ItemId' as const, Id: item.ItemId!.Id }));
      let read = 0;
      for await (const message of client.stream('GetItem', { ItemShape: { BaseShape: 'Default' }, ItemIds: ids })) if (message.responseCode === 'NoError') read++;
      expect(read).toBe(60);
    });
    const answer = trace.responses[1]!;
    expect(answer.truncated).toBe(true);
    expect(Buffer.byteLength(answer.envelope)).toBeLessThanOrEqual(1024);
    expect(answer.bodyBytes).toBeGreaterThan(10 * 1024);
    expect(trace.requests[0]!.envelope.length).toBeLessThanOrEqual(1024);
    expect(trace.requests[0]!.envelopeBytes).toBeGreaterThan(1024);
  });

  it('report a failure before any response, and a hook that throws changes nothing', async () => {
    const errors: TraceErrorEvent[] = [];
    const client = new ExchangeClient({
      // One attempt: retries (each traced as its own request) are not what this test is about.
      url: 'http://127.0.0.1:1/EWS/Exchange.asmx', retry: false, trace: { onRequest: () => { throw new Error('hook bug'); }, onError: (e) => errors.push(e) },
    });
    await expect(client.call('GetFolder', GET_INBOX)).rejects.toMatchObject({ name: 'EwsConnectionError', code: 'ECONNREFUSED' });
    expect(errors).toEqual([expect.objectContaining({ id: 1, error: expect.stringContaining('ECONNREFUSED') })]);
    client.close();
  });
});

describe('trace of a broken answer', () => {
  const loopback = loopbackSession();

  it('reports the break, and the reader meets the same error as without tracing', async () => {
    // Headers and the start of an envelope, then the connection is cut.
    await loopback.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': '5000' });
      response.write('<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const failures: unknown[] = [];
    const trace = recorder();
    for (const hooks of [trace.hooks, false] as const) {
      const client = new ExchangeClient({ url: loopback.server.url, trace: hooks, retry: false });
      failures.push(await client.call('GetFolder', GET_INBOX).catch((error: unknown) => error));
      client.close();
    }
    const [traced, plain] = failures as Error[];
    expect(traced!.name).toBe(plain!.name);
    expect(traced!.constructor).toBe(plain!.constructor);
    expect(trace.responses).toEqual([expect.objectContaining({ status: 200, bodyError: expect.any(String), envelope: expect.stringContaining('<s:Body>') })]);
  });
});

describe('trace redaction', () => {
  const basicSecrets = [ALICE.password, base64(`${ALICE.username}:${ALICE.password}`), base64(ALICE.password)];

  it('Basic on the simulator: neither the password nor its base64 forms appear', async () => {
    const trace = recorder();
    await traced({}, basicAuth(ALICE.username, ALICE.password), trace, (client) => client.call('GetFolder', GET_INBOX));
    expect(trace.responses).toHaveLength(1);
    expectNone(trace.text(), basicSecrets);
  });

  it('bearer on the simulator over https: the token appears in no form', async () => {
    const trace = recorder();
    const simulator: SimulatorOptions = { authSchemes: ['Bearer'], bearerTokens: { [TOKEN]: ALICE.username }, tls: TLS };
    await traced(simulator, bearerAuth(async () => TOKEN), trace, (client) => client.call('GetFolder', GET_INBOX));
    expect(trace.responses[0]!.status).toBe(200);
    expectNone(trace.text(), [TOKEN, base64(TOKEN), 'eyJhbGciOiJub25lIn0']);
  });

  it('NTLM on the simulator: neither the password nor any NTLM message appears', async () => {
    const trace = recorder();
    await traced({ authSchemes: ['NTLM'] }, ntlmAuth({ username: ALICE.username, password: ALICE.password }), trace, async (client) => {
      await client.call('GetFolder', GET_INBOX);
      await client.call('GetFolder', GET_INBOX);
    });
    expect(trace.responses.map((r) => r.status)).toEqual([200, 200]);
    expectNone(trace.text(), [...basicSecrets, 'TlRMTVNTUA', base64(Buffer.from(ALICE.password, 'utf16le').toString('latin1'))]);
  });

  const loopback = loopbackSession();

  /** A misconfigured front end: its error page repeats the request's Authorization header, decoded too, and sets a session cookie. */
  const echoCredentials: Parameters<typeof loopback.serve>[0] = (request, response) => {
    const authorization = request.headers.authorization ?? '';
    const decoded = Buffer.from(authorization.split(' ')[1] ?? '', 'base64').toString('latin1');
    response.writeHead(500, { 'content-type': 'text/html', 'set-cookie': 'session=abc123secret; HttpOnly' });
    response.end(`<html>Authorization: ${authorization}<br>credential ${authorization.split(' ')[1]}<br>decoded ${decoded}</html>`);
  };

  async function echoedTrace(auth: AuthStrategy, url: string): Promise<Recorded> {
    const trace = recorder();
    const client = new ExchangeClient({ url, auth, trace: trace.hooks });
    await expect(client.call('GetFolder', GET_INBOX)).rejects.toThrow();
    client.close();
    expect(trace.responses[0]).toMatchObject({ status: 500, headers: { 'set-cookie': '[REDACTED]' } });
    expect(trace.responses[0]!.envelope).toContain('Authorization: [REDACTED]');
    return trace;
  }

  it('Basic echoed by the server: neither the password nor its base64 forms appear', async () => {
    await loopback.serve(echoCredentials);
    const trace = await echoedTrace(basicAuth(ALICE.username, ALICE.password), loopback.server.url);
    expectNone(trace.text(), [...basicSecrets, 'abc123secret']);
  });

  it('a bearer token echoed by the server appears in no form', async () => {
    await loopback.serve(echoCredentials);
    const opaque = 'opaque-token-9f8e7d6c5b4a';
    const trace = await echoedTrace(bearerAuth(async () => opaque), loopback.server.url);
    expectNone(trace.text(), [opaque, base64(opaque)]);
  });

  it('an NTLM AUTHENTICATE message echoed by the server appears in no form', async () => {
    const ntlm = ntlmProtected({ user: 'alice', domain: 'CONTOSO', password: ALICE.password }, echoCredentials);
    await loopback.serve(ntlm.handler);
    const trace = await echoedTrace(ntlmAuth({ username: 'CONTOSO\\alice', password: ALICE.password }), loopback.server.url);
    expect(ntlm.attempts).toEqual([expect.objectContaining({ valid: true })]);
    expectNone(trace.text(), [ALICE.password, 'TlRMTVNTUA', 'NTLMSSP']);
  });

  it('scrubs what a caller puts in headers: Authorization, cookies, tokens', async () => {
    await loopback.serve((_request, response) => response.writeHead(404).end());
    const trace = recorder();
    const client = new ExchangeClient({
      url: loopback.server.url, trace: trace.hooks,
      headers: { Authorization: `Basic ${base64(`${ALICE.username}:${ALICE.password}`)}`, Cookie: 'session=abc123secret', 'X-Custom-Auth': `Bearer ${TOKEN}` },
    });
    await expect(client.call('GetFolder', GET_INBOX)).rejects.toThrow();
    client.close();
    expect(trace.requests[0]!.headers).toEqual({ Authorization: '[REDACTED]', Cookie: '[REDACTED]', 'X-Custom-Auth': 'Bearer [REDACTED]' });
    expectNone(trace.text(), [...basicSecrets, TOKEN, 'abc123secret']);
  });
});

describe('DEBUG=typed-ews:*', () => {
  const basicSecrets = [ALICE.password, base64(`${ALICE.username}:${ALICE.password}`)];
  const debug = require('debug') as { enable(namespaces: string): void; disable(): string; log: (...args: unknown[]) => void };
  const savedLog = debug.log;
  afterEach(() => {
    debug.disable();
    debug.log = savedLog;
    delete process.env.DEBUG;
  });

  it('prints each request and response, with timings, through the debug package when DEBUG enables typed-ews', async () => {
    const lines: string[] = [];
    debug.enable('typed-ews:*');
    debug.log = (...args: unknown[]) => lines.push(format(...args));
    expect(process.env.DEBUG).toBe('typed-ews:*');
    const sim = await startSimulator({ seed: 'debug', users: [ALICE] });
    const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password) });
    try {
      await client.call('GetFolder', GET_INBOX);
    } finally {
      client.close();
      await sim.close();
    }
    const output = lines.join('\n');
    expect(output).toMatch(/typed-ews:request #1 POST http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx SOAPAction .*GetFolder \(\d+ bytes\)/);
    expect(output).toContain('<m:GetFolder>');
    expect(output).toMatch(/typed-ews:response #1 200 from .*: headers after \d+\.\d ms, body \(\d+ bytes\) after \d+\.\d ms/);
    expect(output).toContain('GetFolderResponseMessage ResponseClass="Success"');
    expectNone(output, basicSecrets);
  });

  it('stays silent when DEBUG names only other namespaces, and with trace: false whatever DEBUG says', async () => {
    const lines: string[] = [];
    debug.enable('express:*');
    debug.log = (...args: unknown[]) => lines.push(format(...args));
    const sim = await startSimulator({ seed: 'debug', users: [ALICE] });
    for (const trace of [undefined, false] as const) {
      const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), ...(trace === false && { trace }) });
      await client.call('GetFolder', GET_INBOX);
      client.close();
    }
    debug.enable('typed-ews:*');
    const off = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), trace: false });
    await off.call('GetFolder', GET_INBOX);
    off.close();
    await sim.close();
    expect(lines).toEqual([]);
  });
});

describe('trace text', () => {
  it('says how much of a truncated body it shows and why a body broke off', () => {
    const text = formatResponse({
      id: 3, url: 'https://mail.contoso.com/EWS/Exchange.asmx', status: 200, headers: { 'content-type': 'text/xml' },
      envelope: '<s:Envelope>', bodyBytes: 70_000, truncated: true, timeToHeadersMs: 12.34, timeToEndMs: 56.78, bodyError: 'Error: aborted',
    });
    expect(text.split('\n')).toEqual([
      '#3 200 from https://mail.contoso.com/EWS/Exchange.asmx: headers after 12.3 ms, body (first 12 of 70000 bytes) after 56.8 ms, broken off: Error: aborted',
      'content-type: text/xml',
      '<s:Envelope>',
    ]);
    expect(formatRequest({ id: 1, url: 'u', headers: {}, envelope: 'e' })).toBe('#1 POST u (streamed)\ne');
  });
});
