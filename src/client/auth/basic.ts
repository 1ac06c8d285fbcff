/**
 * HTTP Basic authentication (RFC 7617, UTF-8). Sends the password with every request, merely
 * base64-encoded: use it over https only.
 */
import { withAuthorization, type AuthStrategy } from './strategy';

export function basicAuth(username: string, password: string): AuthStrategy {
  if (username.includes(':')) throw new TypeError('A Basic authentication user name cannot contain ":"');
  const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return {
    scheme: 'Basic',
    secrets: () => [password, authorization.slice('Basic '.length), `${username}:${password}`],
    open: () => ({
      send: (request, roundTrip) => roundTrip(withAuthorization(request, authorization)),
      close: () => undefined,
    }),
  };
}
