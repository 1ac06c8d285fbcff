// An ES module consumer (compiled under node16, nodenext and bundler resolution).
import { ExchangeClient, basicAuth, findItems, type CalendarItemType } from 'typed-ews';
import { startSimulator, type SimulatorOptions } from 'typed-ews/simulator';

const options: SimulatorOptions = { users: [{ username: 'u@contoso.com', password: 'p' }] };
const sim = await startSimulator(options);
const client = new ExchangeClient({ url: sim.url, auth: basicAuth('u@contoso.com', 'p'), validateRequests: true });
try {
  const subject: CalendarItemType['Subject'] = 'typed';
  const found = await findItems(client, 'inbox', { pageSize: 5 });
  console.log(JSON.stringify({ module: 'esm', subject, items: found.items.length, version: client.serverVersion?.Version }));
} finally {
  client.close();
  await sim.close();
}
