/**
 * Who is calling, as Exchange's IIS front end decides it: Basic (the default), NTLM (bound to the
 * connection, see ntlm-acceptor.ts) and OAuth bearer tokens, each only when the simulator offers it.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import { NtlmAcceptor } from './ntlm-acceptor';

export type SimulatorAuthScheme = 'Basic' | 'NTLM' | 'Bearer';

export interface SimulatorLogin {
  /** The login name (Basic, and NTLM as `user@domain` or `DOMAIN\user`); usually the SMTP address. */
  readonly username: string;
  readonly password: string;
}

export interface SimulatorAuthOptions {
  /** The schemes offered in WWW-Authenticate, in that order (`['Basic']` by default). */
  readonly authSchemes?: readonly SimulatorAuthScheme[];
  /** Bearer tokens the simulator accepts, each with the login name it stands for (needs `'Bearer'`). */
  readonly bearerTokens?: Readonly<Record<string, string>>;
}

export type Authentication<User> =
  | { readonly user: User }
  | { readonly challenge: string };

export class SimulatorAuthenticator<User extends SimulatorLogin> {
  readonly #schemes: readonly SimulatorAuthScheme[];
  readonly #ntlm: NtlmAcceptor<Socket>;
  /** Connections whose NTLM handshake succeeded, with the user they authenticated. */
  readonly #ntlmConnections = new WeakMap<Socket, User>();

  constructor(private readonly users: readonly User[], private readonly options: SimulatorAuthOptions) {
    this.#schemes = options.authSchemes ?? ['Basic'];
    this.#ntlm = new NtlmAcceptor<Socket>((user, domain) => this.#ntlmUser(user, domain)?.password);
  }

  /** The WWW-Authenticate value(s) of a 401 that offers every scheme. */
  get offer(): string {
    return this.#schemes.map((scheme) => (scheme === 'Basic' ? 'Basic realm="typed-ews simulator"' : scheme)).join(', ');
  }

  authenticate(request: http.IncomingMessage): Authentication<User> {
    const header = request.headers.authorization ?? '';
    const [scheme = '', credential = ''] = header.split(/\s+/, 2);
    const offered = this.#schemes.find((name) => name.toLowerCase() === scheme.toLowerCase());
    if (offered === 'Basic') return this.#result(this.#basic(credential));
    if (offered === 'Bearer') return this.#result(this.#bearer(credential));
    if (offered === 'NTLM') return this.#ntlmStep(request.socket, credential);
    // No credentials on a connection NTLM authenticated: the connection is the credential.
    const connectionUser = header === '' ? this.#ntlmConnections.get(request.socket) : undefined;
    return connectionUser ? { user: connectionUser } : { challenge: this.offer };
  }

  #result(user: User | undefined): Authentication<User> {
    return user ? { user } : { challenge: this.offer };
  }

  #basic(credential: string): User | undefined {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    return this.users.find((u) => u.username.toLowerCase() === username.toLowerCase() && u.password === password);
  }

  #bearer(token: string): User | undefined {
    const username = Object.hasOwn(this.options.bearerTokens ?? {}, token) ? this.options.bearerTokens![token] : undefined;
    return username === undefined ? undefined : this.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  }

  #ntlmStep(socket: Socket, token: string): Authentication<User> {
    this.#ntlmConnections.delete(socket);
    const verdict = this.#ntlm.accept(socket, token);
    if (verdict.kind === 'challenge') return { challenge: verdict.header };
    const user = verdict.kind === 'authenticated' ? this.#ntlmUser(verdict.attempt.user, verdict.attempt.domain) : undefined;
    if (!user) return { challenge: 'NTLM' };
    this.#ntlmConnections.set(socket, user);
    return { user };
  }

  /** `alice@contoso.com` (a UPN, empty domain) or `CONTOSO\alice` / `alice` with a domain: the local part decides. */
  #ntlmUser(user: string, domain: string): User | undefined {
    const name = user.toLowerCase();
    return this.users.find((u) => {
      const login = u.username.toLowerCase();
      return login === name || (domain !== '' && login.split('@')[0] === name);
    });
  }
}
