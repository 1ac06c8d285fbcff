/**
 * `npm run bench:notifications`: events per second through one streaming subscription on loopback
 * (simulator → GetStreamingEvents → EnvelopeStreamReader → typed events), and whether memory stays
 * flat over a long stream. The simulator runs in this process: one item is modified again and again
 * (so the mailbox does not grow), each change one ModifiedEvent; the producer stays at most
 * `--window` events ahead of the consumer, well inside the journal the simulator keeps.
 *
 *   npm run bench:notifications -- [--events 1000000] [--window 20000]
 *
 * Heap figures are after a forced GC when node runs with --expose-gc (the npm script does).
 */
import { basicAuth } from '../src/client/auth';
import { ExchangeClient } from '../src/client/exchange-client';
import { streamNotifications } from '../src/notifications';
import { startSimulator } from '../src/simulator';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const MiB = 1024 * 1024;
const collect = (globalThis as { gc?: () => void }).gc;

function memory(): { heapMiB: number; rssMiB: number } {
  collect?.();
  const usage = process.memoryUsage();
  return { heapMiB: usage.heapUsed / MiB, rssMiB: usage.rss / MiB };
}

async function main(): Promise<void> {
  const total = option('events', 1_000_000);
  const window = option('window', 20_000);
  const sim = await startSimulator({
    seed: 'bench', validateRequests: false,
    notifications: { heartbeatMs: 30_000, retainedEvents: 4 * window, maxEventsPerNotification: 100 },
  });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  const mailbox = sim.state.mailbox('alice@contoso.com')!;
  const item = mailbox.addItem('Message', { Subject: 'bench' }, mailbox.distinguishedFolder('inbox')!.key);
  const stop = new AbortController();
  let received = 0;
  let produced = 0;
  const samples: { events: number; heapMiB: number; rssMiB: number }[] = [];
  const sampleEvery = Math.max(1, Math.floor(total / 10));

  const consumer = (async () => {
    for await (const event of streamNotifications(client, { folders: ['inbox'], eventTypes: ['ModifiedEvent'], signal: stop.signal })) {
      if (event.kind === 'Modified') received++;
      else if (event.kind === 'Disconnected' || event.kind === 'Resync') throw new Error(`unexpected ${event.kind}: ${JSON.stringify(event)}`);
      if (received >= total) break;
    }
  })();

  while (sim.notifications.streamingConnectionCount() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  samples.push({ events: 0, ...memory() });
  const started = performance.now();
  let nextSample = sampleEvery;
  while (produced < total) {
    while (produced - received < window && produced < total) {
      mailbox.recordChange(item, ['Subject']);
      produced++;
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (received >= nextSample) {
      samples.push({ events: received, ...memory() });
      nextSample += sampleEvery;
    }
  }
  await consumer;
  const seconds = (performance.now() - started) / 1000;
  samples.push({ events: received, ...memory() });
  stop.abort();
  client.close();
  await sim.close();

  const eventsPerSecond = Math.round(received / seconds);
  process.stdout.write(`events: ${received} in ${seconds.toFixed(1)} s: ${eventsPerSecond} events/s (simulator and client in one process)\n`);
  process.stdout.write('| events received | heap after GC (MiB) | RSS (MiB) |\n|---:|---:|---:|\n');
  for (const sample of samples) process.stdout.write(`| ${sample.events} | ${sample.heapMiB.toFixed(1)} | ${sample.rssMiB.toFixed(1)} |\n`);
  if (!collect) process.stdout.write('(run with node --expose-gc for heap figures after GC)\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
