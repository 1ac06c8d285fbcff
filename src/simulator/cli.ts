#!/usr/bin/env node
/**
 * `typed-ews-simulator [--port 8080] [--user name:password[:smtp]]... [--mailbox smtp]... [--data-file FILE]
 *  [--legacy-groups] [--nil-groups] [--latency-ms N] [--throttle-every N] [--no-validation]
 *  [--generate N [--attachment-every K --attachment-mb M]]`
 *
 * Runs the EWS simulator until interrupted and prints its URL and logins.
 */
import { DEFAULT_USERS, startSimulator, type SimulatorUser } from './server';
import { addGeneratedMessages } from './store/generated-mailbox';

function parse(argv: string[]) {
  const users: SimulatorUser[] = [];
  const mailboxes: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--user') {
      const [username, password, smtpAddress] = next().split(':');
      if (!username || !password) throw new Error('--user takes name:password[:smtp]');
      users.push({ username, password, smtpAddress });
    } else if (arg === '--mailbox') mailboxes.push(next());
    else if (['--port', '--data-file', '--latency-ms', '--throttle-every', '--host', '--generate', '--attachment-every', '--attachment-mb'].includes(arg)) options[arg.slice(2)] = next();
    else if (['--legacy-groups', '--nil-groups', '--no-validation'].includes(arg)) options[arg.slice(2)] = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return { users, mailboxes, options };
}

async function main(): Promise<void> {
  const { users, mailboxes, options } = parse(process.argv.slice(2));
  if (options.help) {
    console.log('usage: typed-ews-simulator [--port N] [--user name:password[:smtp]] [--mailbox smtp] [--data-file FILE]\n' +
      '  [--legacy-groups] [--nil-groups] [--latency-ms N] [--throttle-every N] [--no-validation] [--host 127.0.0.1]\n' +
      '  [--generate N [--attachment-every K --attachment-mb M]]  N messages in the first user\'s inbox, every K-th with an\n' +
      '                                                        M MB attachment generated when read');
    return;
  }
  const number = (name: string) => (options[name] === undefined ? undefined : Number(options[name]));
  const sim = await startSimulator({
    port: number('port'),
    host: options.host as string | undefined,
    ...(users.length > 0 && { users }),
    mailboxes,
    dataFile: options['data-file'] as string | undefined,
    legacyGroups: options['legacy-groups'] === true,
    nilGroups: options['nil-groups'] === true,
    latencyMs: number('latency-ms'),
    validateRequests: options['no-validation'] !== true,
    ...(options['throttle-every'] !== undefined && { throttle: { everyNth: number('throttle-every')! } }),
  });
  const generate = number('generate');
  if (generate !== undefined) {
    const owner = (users[0] ?? DEFAULT_USERS[0]);
    const mailbox = sim.state.mailbox(owner.smtpAddress ?? owner.username)!;
    addGeneratedMessages(mailbox, {
      count: generate, attachmentEvery: number('attachment-every') ?? 0, attachmentBytes: Math.round((number('attachment-mb') ?? 0) * 1024 * 1024),
    });
  }
  console.log(`EWS simulator listening at ${sim.url}`);
  for (const user of users.length > 0 ? users : DEFAULT_USERS) {
    console.log(`  login: ${user.username} (mailbox ${user.smtpAddress ?? user.username})`);
  }
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`typed-ews-simulator: ${error.message}`);
  process.exit(2);
});
