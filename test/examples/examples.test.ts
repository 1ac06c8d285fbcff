/**
 * The examples that need no real server run here against the simulator, as `npx ts-node examples/x.ts`
 * runs them (examples/connect.ts), so they cannot rot; the others (OAuth, NTLM) are type-checked only.
 */
import { calendarSeed } from '../../examples/calendar-seed';
import { connect, SIMULATED_MAILBOXES, type ExampleConnection } from '../../examples/connect';
import { exportFolder } from '../../examples/export-with-progress';
import { inboxBySender } from '../../examples/grouped-search';
import { sendAsEachUser } from '../../examples/impersonation';

describe('the examples, run against the simulator', () => {
  let connection: ExampleConnection;
  beforeAll(async () => { connection = await connect({}); });
  afterAll(() => connection.close());

  it('calendar seed: three items created, read, renamed and deleted, the second delete ErrorItemNotFound each', async () => {
    await expect(calendarSeed(connection.client)).resolves.toEqual({
      created: ['Success', 'Success', 'Success'],
      read: [{ subject: 'Dentist', recurring: false }, { subject: 'Weekly sync', recurring: true }, { subject: 'Quarterly review', recurring: false }],
      renamed: ['Success', 'Success', 'Success'],
      deleted: ['Success', 'Success', 'Success'],
      deletedAgain: ['ErrorItemNotFound', 'ErrorItemNotFound', 'ErrorItemNotFound'],
    });
  });

  it('impersonation: each user sends from their own mailbox, and the recipient\'s inbox is read as the recipient', async () => {
    const [alice, bob, carol] = SIMULATED_MAILBOXES;
    const subjects = await sendAsEachUser(connection.client, [bob, carol], alice);
    expect([...subjects].sort()).toEqual([`Hello from ${bob}`, `Hello from ${carol}`]);
  });

  it('grouped search: the inbox by sender, one group per sender', async () => {
    const groups = await inboxBySender(connection.client);
    expect(groups.map((group) => group.from).sort()).toEqual(['bob@contoso.com', 'carol@contoso.com']);
  });

  it('export with progress: every item of the folder exported, one progress line per item', async () => {
    const lines: string[] = [];
    const summary = await exportFolder(connection.client, 'inbox', (line) => lines.push(line));
    expect(summary).toEqual({ total: 2, exported: 2, bytes: expect.any(Number), failed: [] });
    expect(summary.bytes).toBeGreaterThan(0);
    expect(lines).toEqual([expect.stringMatching(/^exported 1\/2 \(\d+ bytes\)$/), `exported 2/2 (${summary.bytes} bytes)`]);
  });
});
