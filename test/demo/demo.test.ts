/** The README's first command, as a test: both seeds against the embedded simulator, output checked. */
import { runDemo } from '../../src/demo/run-demo';
import { scaledTimeout } from '../support/pace';

describe('npm run demo', () => {
  let output: string;
  beforeAll(async () => {
    const lines: string[] = [];
    await runDemo({}, (text) => lines.push(text));
    output = lines.join('\n');
  }, scaledTimeout(300)); // the whole demo: schema compile, simulator, 26 requests

  const section = (title: string) => {
    const start = output.indexOf(`== ${title}`);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = output.indexOf('\n== ', start + 1);
    return output.slice(start, end < 0 ? undefined : end);
  };

  it('creates, gets and updates the three calendar items', () => {
    expect(section('Create 3 calendar items: overall Success').match(/Success {2}NoError/g)).toHaveLength(3);
    expect(section('Get them')).toMatch(/Weekly sync\s+2026-11-24T09:00:00Z\s+yes \(10×\)/);
    expect(section('Get them')).toContain('bob@contoso.com, carol@contoso.com, dave@contoso.com');
    expect(section('Update their subjects: overall Success').match(/\(updated\)\s+true/g)).toHaveLength(3);
  });

  it('deletes them, and the second delete answers ErrorItemNotFound per item without an exception', () => {
    expect(section('Delete them: overall Success').match(/Success {2}NoError/g)).toHaveLength(3);
    expect(section('Delete them again: overall Error').match(/Error +ErrorItemNotFound +The specified object was not found in the store\./g)).toHaveLength(3);
  });

  it('runs the grouped search: five senders, newest group first, items newest first', () => {
    const grouped = section('Grouped search');
    expect(grouped).toContain('5 groups, 20 items');
    const senders = [...grouped.matchAll(/^\d+\s+(\w+ \w+)\s+4\s/gm)].map((m) => m[1]);
    expect(senders).toEqual(['Frank Green', 'Erin White', 'Dave Brown', 'Carol Jones', 'Bob Smith']);
    expect(grouped).toContain("Frank's update #4 | Frank's update #3 | Frank's update #2 | Frank's update #1");
  });
});
