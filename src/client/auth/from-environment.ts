/**
 * Sign-in from the environment, as the demo and the command-line tools take it: EWS_TOKEN, else
 * EWS_USERNAME with EWS_PASSWORD, by Basic or, with EWS_AUTH=ntlm (the demo's `--auth ntlm`), by NTLM
 * with the account's domain in EWS_DOMAIN (or as `DOMAIN\user`).
 */
import { basicAuth } from './basic';
import { bearerAuth } from './bearer';
import { ntlmAuth } from './ntlm';
import type { AuthStrategy } from './strategy';

export type AuthEnvironment = Readonly<Record<string, string | undefined>>;

/** The sign-in methods EWS_AUTH (and the demo's `--auth`) names. */
export const AUTH_METHODS = ['basic', 'ntlm', 'token'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export function authFromEnvironment(env: AuthEnvironment): AuthStrategy {
  const method = env.EWS_AUTH?.toLowerCase() ?? (env.EWS_TOKEN ? 'token' : 'basic');
  if (!(AUTH_METHODS as readonly string[]).includes(method)) throw new Error(`EWS_AUTH must be one of ${AUTH_METHODS.join(', ')}`);
  if (method === 'token') {
    if (!env.EWS_TOKEN) throw new Error('EWS_AUTH=token needs EWS_TOKEN');
    const token = env.EWS_TOKEN;
    return bearerAuth(async () => token);
  }
  if (!env.EWS_USERNAME || !env.EWS_PASSWORD) throw new Error('EWS_URL needs EWS_USERNAME and EWS_PASSWORD, or EWS_TOKEN (EWS_EMAIL needs EWS_PASSWORD)');
  if (method === 'ntlm') {
    return ntlmAuth({ username: env.EWS_USERNAME, password: env.EWS_PASSWORD, ...(env.EWS_DOMAIN && { domain: env.EWS_DOMAIN }) });
  }
  return basicAuth(env.EWS_USERNAME, env.EWS_PASSWORD);
}
