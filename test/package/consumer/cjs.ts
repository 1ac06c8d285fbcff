// A CommonJS consumer: TypeScript with module commonjs (compiled under node10 and nodenext resolution).
import { ExchangeClient, basicAuth, findItems, type CalendarItemType } from 'typed-ews';
import { startSimulator, type SimulatorOptions } from 'typed-ews/simulator';

async function main(): Promise<void> {
  const options: SimulatorOptions = { users: [{ username: 'u@contoso.com', password: 'p' }] };
  const sim = await startSimulator(options);
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('u@contoso.com', 'p'), validateRequests: true });
  try {
    const subject: CalendarItemType['Subject'] = 'typed';
    const found = await findItems(client, 'inbox', { pageSize: 5 });
    console.log(JSON.stringify({ module: 'cjs', subject, items: found.items.length, version: client.serverVersion?.Version }));
  } finally {
    client.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
