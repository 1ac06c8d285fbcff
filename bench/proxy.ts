/**
 * `npm run bench:proxy [-- --requests 300 --rounds 5]`: https requests through a CONNECT proxy on loopback,
 * with this package's TunnelAgent (node:http + node:tls, src/proxy/tunnel-agent.ts) and with
 * https-proxy-agent 7 (agent-base), in interleaved rounds in one process: the wall and CPU time per
 * keep-alive request, the tunnels opened, and, in fresh child processes, what loading each costs.
 */
import { execFileSync } from 'node:child_process';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { parseProxy } from '../src/proxy/proxy-endpoint';
import { TunnelAgent } from '../src/proxy/tunnel-agent';
import { startLoopbackServer } from '../test/support/loopback-server';
import { startTestProxy } from '../test/support/proxy-server';
import { median } from './stats';
import { cpuMsSince } from './cpu-clock';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'client', 'fixtures');
const CERT = readFileSync(path.join(FIXTURES, 'loopback-cert.pem'));
const BODY = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${'x'.repeat(2000)}</s:Body></s:Envelope>`;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/**
 * https-proxy-agent takes the target's TLS options from each request, not from the agent's, and checks
 * an IP-addressed server's certificate against "localhost" unless the request names the server.
 */
function post(url: string, agent: https.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'POST', agent, ca: CERT, servername: '127.0.0.1', headers: { 'content-type': 'text/xml' } }, (response) => {
      response.on('end', resolve).on('error', reject).resume();
    });
    request.on('error', reject);
    request.end(BODY);
  });
}

/**
 * Milliseconds a fresh `node` takes to load `module` after node:http/https/tls/net (the transport has
 * those already). TunnelAgent needs nothing else: its cost is that of one small file of the package.
 */
function loadMs(module: string): number {
  const script = `require('node:http');require('node:https');require('node:tls');require('node:net');`
    + `const t=performance.now();require(${JSON.stringify(module)});process.stdout.write(String(performance.now()-t))`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

async function main(): Promise<void> {
  const requests = option('requests', 300);
  const rounds = option('rounds', 5);
  const server = await startLoopbackServer((_request, response) => response.end(BODY), { tls: { key: readFileSync(path.join(FIXTURES, 'loopback-key.pem')), cert: CERT } });
  const relay = await startTestProxy();
  const candidates = {
    'TunnelAgent (node:http + node:tls)': () => new TunnelAgent(parseProxy(relay.url), { keepAlive: true, maxSockets: 1, ca: CERT }),
    'https-proxy-agent 7.0.6': () => new HttpsProxyAgent(relay.url, { keepAlive: true, maxSockets: 1, ca: CERT }),
  } as const;
  const results = new Map<string, { wall: number[]; cpu: number[]; tunnels: number[] }>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, create] of Object.entries(candidates)) {
      const agent = create();
      const before = relay.records.length;
      await post(server.url, agent); // the tunnel and TLS handshake, outside the timing
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < requests; i++) await post(server.url, agent);
      const wall = (performance.now() - started) / requests;
      const cpuMs = cpuMsSince(cpu);
      agent.destroy();
      const entry = results.get(name) ?? { wall: [], cpu: [], tunnels: [] };
      entry.wall.push(wall);
      entry.cpu.push(cpuMs / requests);
      entry.tunnels.push(relay.records.length - before);
      results.set(name, entry);
    }
  }
  await relay.close();
  await server.close();
  const loads: Record<string, string> = { 'TunnelAgent (node:http + node:tls)': 'no module besides its own file' };
  loads['https-proxy-agent 7.0.6'] = `${median(Array.from({ length: rounds }, () => loadMs('https-proxy-agent'))).toFixed(1)} ms (agent-base, debug, ms)`;
  const lines = [
    `${requests} sequential keep-alive POSTs (2 KB each way) per round, ${rounds} interleaved rounds; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}`,
    '',
    '| agent | wall ms/request (median of rounds) | CPU ms/request, whole process (median) | tunnels per round | loading (median, fresh node) |',
    '| --- | --- | --- | --- | --- |',
    ...[...results].map(([name, r]) => `| ${name} | ${median(r.wall).toFixed(3)} | ${median(r.cpu).toFixed(3)} | ${[...new Set(r.tunnels)].join(', ')} | ${loads[name]} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1); // the servers would keep the process alive
});
