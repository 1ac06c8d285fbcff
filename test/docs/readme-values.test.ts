import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator } from '../../src/simulator';
import { readmeValuesExample } from './readme-values-example';

describe('README.md, values section', () => {
  it('shows the example that test/docs/readme-values-example.ts type-checks', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const example = readFileSync(join(__dirname, 'readme-values-example.ts'), 'utf8');
    const body = /\/\/ README-VALUES-BEGIN\nexport async function readmeValuesExample\(client: ExchangeClient\): Promise<string\[\]> \{\n([\s\S]*?)\nreturn lines;\n\}\n\/\/ README-VALUES-END/.exec(example)![1];
    const section = readme.slice(readme.indexOf('### Values: dates, time zones, recurrences'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)![1];
    const code = (text: string) => text.split('\n').filter((l) => !l.startsWith('import ') && l.trim() !== '').join('\n');
    expect(code(shown)).toBe(code(body));
  });

  it('runs against the simulator: local times with their offsets, a typed read-back', async () => {
    const sim = await startSimulator({ seed: 'readme-values', mailboxes: ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com'] });
    const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
    try {
      const lines = await readmeValuesExample(client);
      expect(lines.slice(0, 3)).toEqual([
        `Dentist: 2026-11-23T08:00:00Z (${Date.UTC(2026, 10, 23, 8)}), recurring false`,
        `Weekly sync: 2026-11-24T09:00:00Z (${Date.UTC(2026, 10, 24, 9)}), recurring true`,
        `Quarterly review: 2026-11-25T13:00:00Z (${Date.UTC(2026, 10, 25, 13)}), recurring false`,
      ]);
    } finally {
      client.close();
      await sim.close();
    }
  });
});
