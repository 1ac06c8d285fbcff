/** The demo's command line: `npm run demo -- [--email alice@contoso.com] [--auth basic|ntlm|token]`. */
import { AUTH_METHODS, type AuthMethod } from '../client/auth/from-environment';

export interface DemoArguments {
  /** Start from this address by Autodiscover. */
  readonly email?: string;
  /** How to sign in: against the simulator, and against EWS_URL / EWS_EMAIL (as EWS_AUTH would say). */
  readonly auth?: AuthMethod;
}

export const DEMO_USAGE = `usage: npm run demo -- [--email ADDRESS] [--auth ${AUTH_METHODS.join('|')}]`;

/** Reads the flags (`--auth ntlm` or `--auth=ntlm`); anything else is an Error quoting the usage. */
export function parseDemoArguments(argv: readonly string[]): DemoArguments {
  const parsed: { email?: string; auth?: AuthMethod } = {};
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    const [flag, inline] = argument.split(/=(.*)/s, 2);
    if (flag !== '--email' && flag !== '--auth') throw new Error(`unknown argument ${JSON.stringify(argument)}\n${DEMO_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`${flag} needs a value\n${DEMO_USAGE}`);
    if (flag === '--email') parsed.email = value;
    else if ((AUTH_METHODS as readonly string[]).includes(value.toLowerCase())) parsed.auth = value.toLowerCase() as AuthMethod;
    else throw new Error(`--auth takes ${AUTH_METHODS.join(', ')}, not ${JSON.stringify(value)}\n${DEMO_USAGE}`);
  }
  return parsed;
}

/** The environment runDemo reads: DEMO_EMAIL, and EWS_AUTH for the sign-in method. */
export function demoEnvironment(args: DemoArguments, env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return { ...env, ...(args.email !== undefined && { DEMO_EMAIL: args.email }), ...(args.auth !== undefined && { EWS_AUTH: args.auth }) };
}
