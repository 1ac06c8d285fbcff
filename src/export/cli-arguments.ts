/** The command line of `typed-ews export|import`: parsed strictly, every mistake a message naming the option. */
export interface TransferArguments {
  readonly command: 'export' | 'import';
  readonly help: boolean;
  readonly directory: string;
  readonly folders?: readonly string[];
  readonly into?: string;
  readonly resume: boolean;
  readonly url?: string;
  readonly user?: string;
  readonly mailbox?: string;
  readonly pageSize: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly demoItems: number;
  /** Import: largest UploadItems request in MiB (the server's EWS limit; 64 by default, as Exchange 2013+). */
  readonly maxRequestMb: number;
}

export const TRANSFER_USAGE = `usage: typed-ews export --dir DIR [--folders inbox,sentitems,...] [--resume] [options]
       typed-ews import --dir DIR [--folders inbox,...] [--into FOLDER] [--resume] [options]

  --dir DIR          the export directory (export.json, state/, folders/*/manifest.jsonl and items/)
  --folders LIST     folders to export or import, comma-separated (distinguished names or folder ids)
  --into FOLDER      import every folder into this one
  --resume           continue an interrupted run (an export run again exports only what changed)
  --url URL          EWS endpoint (or EWS_URL); without one the embedded simulator is used
  --user NAME        sign-in name (or EWS_USERNAME); the password only from EWS_PASSWORD, or EWS_TOKEN
  --mailbox SMTP     the mailbox (default: the user)
  --page-size N      changes per committed page (default 100)
  --batch-size N     items per request (default 50)   --concurrency N  requests in flight (default 3)
  --demo-items N     simulator only: messages to seed before an export (default 200)
  --max-request-mb N import: largest request in MiB (default 64, Exchange's own EWS limit; match the server's)
`;

const DEFAULT_FOLDERS = ['inbox', 'sentitems', 'drafts', 'deleteditems', 'junkemail', 'calendar', 'contacts', 'tasks', 'notes'];

export function parseTransferArguments(argv: readonly string[], env: NodeJS.ProcessEnv): TransferArguments {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) return { ...defaults('export', env), help: true };
  if (command !== 'export' && command !== 'import') throw new Error(`unknown command ${JSON.stringify(command)}: use export or import (see --help)`);
  const parsed: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--resume' || arg === '--help' || arg === '-h') parsed[arg.replace(/^-+/, '')] = true;
    else if (['--dir', '--folders', '--into', '--url', '--user', '--mailbox', '--page-size', '--batch-size', '--concurrency', '--demo-items', '--max-request-mb'].includes(arg)) {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      parsed[arg.slice(2)] = value;
    } else if (arg === '--password') throw new Error('pass the password in EWS_PASSWORD, not on the command line (where other users can see it)');
    else throw new Error(`unknown option ${arg} (see --help)`);
  }
  const base = defaults(command, env);
  if (parsed.help === true || parsed.h === true) return { ...base, help: true };
  if (typeof parsed.dir !== 'string') throw new Error('--dir DIR is required');
  const list = typeof parsed.folders === 'string' ? parsed.folders.split(',').map((f) => f.trim()).filter(Boolean) : undefined;
  if (list && list.length === 0) throw new Error('--folders needs at least one folder');
  return {
    ...base,
    directory: parsed.dir,
    ...(command === 'export' ? { folders: list ?? DEFAULT_FOLDERS } : list ? { folders: list } : {}),
    ...(typeof parsed.into === 'string' && { into: parsed.into }),
    resume: parsed.resume === true,
    ...(typeof parsed.url === 'string' && { url: parsed.url }),
    ...(typeof parsed.user === 'string' && { user: parsed.user }),
    ...(typeof parsed.mailbox === 'string' && { mailbox: parsed.mailbox }),
    pageSize: whole(parsed, 'page-size', base.pageSize, 512),
    batchSize: whole(parsed, 'batch-size', base.batchSize, 1000),
    concurrency: whole(parsed, 'concurrency', base.concurrency, 64),
    demoItems: whole(parsed, 'demo-items', base.demoItems, 1_000_000),
    maxRequestMb: whole(parsed, 'max-request-mb', base.maxRequestMb, 4096),
  };
}

function defaults(command: 'export' | 'import', env: NodeJS.ProcessEnv): TransferArguments {
  return {
    command, help: false, directory: '', resume: false, pageSize: 100, batchSize: 50, concurrency: 3, demoItems: 200, maxRequestMb: 64,
    ...(env.EWS_URL && { url: env.EWS_URL }),
  };
}

function whole(parsed: Record<string, string | boolean>, name: string, fallback: number, max: number): number {
  const value = parsed[name];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, not ${String(value)}`);
  return number;
}
