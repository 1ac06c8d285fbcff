#!/usr/bin/env node
/**
 * `typed-ews export --dir DIR [--folders inbox,drafts] [--resume]` and `typed-ews import --dir DIR [--into FOLDER] [--resume]`.
 * Connects like the demo: EWS_URL (or --url) with EWS_USERNAME (or --user) and EWS_PASSWORD, or EWS_TOKEN;
 * without a URL it runs against the embedded simulator (seeded with --demo-items messages for an export).
 * Progress goes to stderr: a bar on a TTY, plain lines otherwise; the summary to stdout.
 */
import { basicAuth } from '../client/auth';
import { ExchangeClient } from '../client/exchange-client';
import { authFromEnvironment } from '../client/auth/from-environment';
import type { FolderRef } from '../schema/folders';
import { parseTransferArguments, TRANSFER_USAGE, type TransferArguments } from './cli-arguments';
import { seedDemoMailbox } from './demo-mailbox';
import { exportMailbox } from './export-mailbox';
import { importMailbox } from './import-mailbox';
import { formatBytes, ProgressReporter } from './progress';

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseTransferArguments(argv, env);
  if (args.help) {
    process.stdout.write(TRANSFER_USAGE);
    return 0;
  }
  const connection = await connect(args, env);
  const progress = new ProgressReporter(args.command === 'export' ? 'exported' : 'imported', process.stderr);
  try {
    const common = { directory: args.directory, resume: args.resume, batches: { batchSize: args.batchSize, concurrency: args.concurrency }, onProgress: (c: Parameters<ProgressReporter['update']>[0]) => progress.update(c) };
    if (args.command === 'export') {
      const summary = await exportMailbox(connection.client, { ...common, mailbox: connection.mailbox, folders: args.folders as FolderRef[], pageSize: args.pageSize });
      progress.done({ items: summary.items, bytes: summary.bytes });
      process.stdout.write(`exported ${summary.items} items (${formatBytes(summary.bytes)}), ${summary.deleted} deletions, ${summary.failed} failed, into ${args.directory}\n`);
      return summary.failed > 0 ? 2 : 0;
    }
    const summary = await importMailbox(connection.client, { ...common, maxRequestBytes: args.maxRequestMb * 1024 * 1024, ...(args.folders && { folders: args.folders }), ...(args.into && { into: args.into as FolderRef }) });
    progress.done({ items: summary.items, bytes: summary.bytes });
    process.stdout.write(`imported ${summary.items} items (${formatBytes(summary.bytes)}), ${summary.failed} failed, from ${args.directory}\n`);
    return summary.failed > 0 ? 2 : 0;
  } finally {
    await connection.close();
  }
}

interface Connection {
  readonly client: ExchangeClient;
  readonly mailbox: string;
  close(): Promise<void>;
}

async function connect(args: TransferArguments, env: NodeJS.ProcessEnv): Promise<Connection> {
  if (args.url) {
    const auth = authFromEnvironment({ ...env, EWS_USERNAME: args.user ?? env.EWS_USERNAME });
    const mailbox = args.mailbox ?? args.user ?? env.EWS_USERNAME;
    if (!mailbox) throw new Error('name the mailbox with --mailbox (its SMTP address) when signing in with a token');
    const client = new ExchangeClient({ url: args.url, auth, headers: { 'X-AnchorMailbox': mailbox } });
    return { client, mailbox, close: async () => client.close() };
  }
  const { startSimulator, SimulatorState } = await import('../simulator');
  const sim = await startSimulator({ state: new SimulatorState(), validateRequests: false });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  if (args.command === 'export') await seedDemoMailbox(client, args.demoItems);
  process.stderr.write(`no EWS_URL: using the embedded simulator at ${sim.url} (alice@contoso.com${args.command === 'export' ? `, ${args.demoItems} demo items` : ''})\n`);
  return { client, mailbox: 'alice@contoso.com', close: async () => { client.close(); await sim.close(); } };
}

main(process.argv.slice(2), process.env).then((code) => { process.exitCode = code; }, (error: Error) => {
  process.stderr.write(`typed-ews: ${error.name === 'Error' ? '' : `${error.name}: `}${error.message}\n`);
  process.exitCode = 1;
});
