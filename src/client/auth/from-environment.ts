/** Sign-in from the environment, as the demo and the command-line tools take it: EWS_TOKEN, else EWS_USERNAME with EWS_PASSWORD. */
import { basicAuth } from './basic';
import { bearerAuth } from './bearer';
import type { AuthStrategy } from './strategy';

export type AuthEnvironment = Readonly<Record<string, string | undefined>>;

export function authFromEnvironment(env: AuthEnvironment): AuthStrategy {
  if (env.EWS_TOKEN) {
    const token = env.EWS_TOKEN;
    return bearerAuth(async () => token);
  }
  if (!env.EWS_USERNAME || !env.EWS_PASSWORD) throw new Error('EWS_URL needs EWS_USERNAME and EWS_PASSWORD, or EWS_TOKEN (EWS_EMAIL needs EWS_PASSWORD)');
  return basicAuth(env.EWS_USERNAME, env.EWS_PASSWORD);
}
