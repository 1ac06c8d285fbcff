/**
 * The simulator's SOAP endpoint: an HTTP server on loopback at /EWS/Exchange.asmx that behaves like
 * Exchange at the protocol level. It authenticates (Basic), validates every request against the
 * official XSD (ErrorSchemaValidation fault with line and position), honours RequestServerVersion and
 * ExchangeImpersonation, reads the body with the SDK's reader, runs the operation on the in-memory
 * mailbox and writes the answer with the SDK's writer, with ServerVersionInfo. Fault injection
 * (throttling, latency, dropped connections) and Exchange quirks are switchable per simulator.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import type { FindItemResponseType } from '../../generated/messages';
import { schema as ewsSchema } from '../../generated/schema';
import { ExchangeVersionTypeValues, type ExchangeVersionType, type ServerVersionInfo } from '../../generated/types';
import { readEnvelope } from '../runtime/envelope-reader';
import { StreamedBody } from '../runtime/binary-source';
import { writeEnvelope, writeEnvelopeBody } from '../runtime/writer';
import type { OperationDesc, SchemaSet } from '../schema/descriptors';
import { XsdValidator } from '../validation/xsd-validator';
import { runOperation, UnsupportedOperationError } from './operations';
import { notificationControls, notificationsOf, streamEvents, type NotificationControls, type NotificationSimulatorOptions } from './operations/notifications';
import { autodiscoverProtocolAt, serveAutodiscover, type SimulatorAutodiscoverOptions } from './operations/autodiscover';
import { addNilGroups, responseSchema, type GroupQuirks } from './quirks';
import { schemaValidationFault } from './schema-fault';
import { faultEnvelope, type FaultSpec } from './soap-fault';
import { cutAnswer, operationOfSoapAction, refuseBeforeRunning, type FailureInjector } from './failure-injection';
import { releaseRefusal, serverVersionInfoOf } from './release';
import { SimulatorState, type SimulatorSnapshot } from './store';
import type { Mailbox } from './store/mailbox';
import { timeZoneRefusal } from './time-zone-check';
import { SimulatorAuthenticator, type SimulatorAuthOptions } from './authentication';

export const EWS_PATH = '/EWS/Exchange.asmx';

export interface SimulatorUser {
  /** The login name (Basic auth); usually the SMTP address. */
  readonly username: string;
  readonly password: string;
  /** The user's own mailbox; created when missing. Defaults to the username. */
  readonly smtpAddress?: string;
  readonly displayName?: string;
}

export interface ThrottleOptions {
  /** Throttle every k-th request (1-based count over the server's lifetime). */
  readonly everyNth: number;
  /** `fault`: SOAP fault ErrorServerBusy with BackOffMilliseconds (HTTP 500); `http503`/`http429` with Retry-After. */
  readonly kind?: 'fault' | 'http503' | 'http429';
  readonly backOffMilliseconds?: number;
  readonly retryAfterSeconds?: number;
}

export interface SimulatorOptions extends GroupQuirks, SimulatorAuthOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only by default. */
  readonly host?: string;
  readonly users?: readonly SimulatorUser[];
  /** More mailboxes without a login (meeting attendees, delegates). */
  readonly mailboxes?: readonly string[];
  /**
   * What the server reports in ServerVersionInfo; Exchange 2016 CU23 by default (2013 with legacyGroups).
   * A release name (`'Exchange2010_SP1'`) makes the simulator that release: it refuses what its schema lacks.
   */
  readonly serverVersion?: ServerVersionInfo | ExchangeVersionType;
  /** The newest RequestServerVersion accepted; newer ones get ErrorInvalidServerVersion. */
  readonly maxRequestVersion?: ExchangeVersionType;
  /** Validate each request against the official XSD, as Exchange does (default true). */
  readonly validateRequests?: boolean;
  readonly throttle?: ThrottleOptions;
  /**
   * Largest request body accepted; a larger one is answered 413 as IIS does. Exchange 2013 and later's
   * default for EWS (maxAllowedContentLength and maxReceivedMessageSize in EWS's web.config), 64 MiB,
   * unless set.
   */
  readonly maxRequestBytes?: number;
  /** Delay before every answer. */
  readonly latencyMs?: number;
  /** Fails chosen requests (by number or operation) the way Exchange or the network would; see InjectedFailure. */
  readonly injectFailure?: FailureInjector;
  /** Carry out these requests (1-based numbers), then reset the connection instead of answering. */
  readonly dropConnectionAfterRequest?: readonly number[] | ((requestNumber: number, operation: string) => boolean);
  /** Load the mailboxes from this JSON file when it exists, and save them there after every change. */
  readonly dataFile?: string;
  /** Reproducible ids (tests). */
  readonly seed?: string;
  readonly state?: SimulatorState;
  /** Subscriptions: the length of a "minute", streaming heartbeats, retained events. */
  readonly notifications?: NotificationSimulatorOptions;
  /** How /autodiscover/autodiscover.xml (POX) and .svc (SOAP) answer; both serve every mailbox by default. */
  readonly autodiscover?: SimulatorAutodiscoverOptions;
  /** Serve https with this key and certificate (PEM) instead of plain http. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Called with the HTTP headers of every EWS request that passed authentication (tests of routing headers). */
  readonly onRequest?: (request: SimulatorRequestInfo) => void;
}

export interface SimulatorRequestInfo {
  /** 1-based, as `requestCount` counts. */
  readonly number: number;
  /** Lower-cased names, as node:http gives them. */
  readonly headers: Readonly<http.IncomingHttpHeaders>;
}

export interface RunningSimulator {
  /** The EWS endpoint URL, e.g. http://127.0.0.1:41234/EWS/Exchange.asmx */
  readonly url: string;
  readonly state: SimulatorState;
  /** Requests received so far. */
  readonly requestCount: () => number;
  /** Break streaming connections, expire subscriptions, forget event history (notification tests). */
  readonly notifications: NotificationControls;
  close(): Promise<void>;
}

export const DEFAULT_USERS: readonly SimulatorUser[] = [{ username: 'alice@contoso.com', password: 'Simulator-1', displayName: 'Alice' }];
const EXCHANGE_2016: ServerVersionInfo = { MajorVersion: 15, MinorVersion: 1, MajorBuildNumber: 2507, MinorBuildNumber: 6, Version: 'V2017_07_11' };
const EXCHANGE_2013_LEGACY_GROUPS: ServerVersionInfo = { MajorVersion: 15, MinorVersion: 0, MajorBuildNumber: 775, MinorBuildNumber: 38, Version: 'Exchange2013' };
const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** Operations that change nothing in the mailbox: the data file is not rewritten after them. */
const READ_ONLY_OPERATIONS: ReadonlySet<string> = new Set(['GetItem', 'FindItem', 'GetFolder', 'FindFolder', 'GetAttachment', 'SyncFolderItems', 'SyncFolderHierarchy', 'ExportItems']);

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = options.state ?? loadState(options);
  const users = options.users ?? DEFAULT_USERS;
  for (const user of users) ensureMailbox(state, user.smtpAddress ?? user.username, user.displayName);
  for (const address of options.mailboxes ?? []) ensureMailbox(state, address);
  const endpoint = new SoapEndpoint(state, users, options, options.validateRequests === false ? undefined : await XsdValidator.shared());

  const sockets = new Set<Socket>();
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => void endpoint.handle(req, res);
  const server = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  endpoint.url = `${options.tls ? 'https' : 'http'}://${host}:${port}${EWS_PATH}`;
  return {
    url: endpoint.url,
    state,
    requestCount: () => endpoint.requests,
    notifications: notificationControls(state),
    close: () => new Promise<void>((resolve) => {
      notificationsOf(state).close();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

function loadState(options: SimulatorOptions): SimulatorState {
  if (options.dataFile && existsSync(options.dataFile)) {
    return SimulatorState.fromJSON(JSON.parse(readFileSync(options.dataFile, 'utf8')) as SimulatorSnapshot);
  }
  return new SimulatorState({ seed: options.seed });
}

function ensureMailbox(state: SimulatorState, smtpAddress: string, displayName?: string): Mailbox {
  return state.mailbox(smtpAddress) ?? state.addMailbox({ smtpAddress, displayName });
}

/** A request that ends in a SOAP fault (HTTP 500), as Exchange answers request-level errors. */
class Fault extends Error {
  constructor(readonly spec: FaultSpec) {
    super(spec.message);
  }
}

class SoapEndpoint {
  requests = 0;
  /** The EWS URL, known once the server listens; Autodiscover announces it. */
  url = '';
  private readonly writeSchema: SchemaSet;
  private readonly serverVersion: ServerVersionInfo;
  /** Position of the newest accepted RequestServerVersion in the schema's (oldest-first) version list. */
  private readonly maxVersionIndex: number;
  /** The release simulated (`serverVersion` given by name): requests are checked against its schema. */
  private readonly release?: ExchangeVersionType;
  private readonly authenticator: SimulatorAuthenticator<SimulatorUser>;
  private readonly operationsByRequest = new Map<string, OperationDesc>(
    Object.values(ewsSchema.operations).map((op) => [op.request, op]),
  );

  constructor(
    private readonly state: SimulatorState,
    users: readonly SimulatorUser[],
    private readonly options: SimulatorOptions,
    private readonly validator: XsdValidator | undefined,
  ) {
    this.authenticator = new SimulatorAuthenticator(users, options);
    this.release = typeof options.serverVersion === 'string' ? options.serverVersion : undefined;
    this.serverVersion = this.release ? serverVersionInfoOf(this.release)
      : (options.serverVersion as ServerVersionInfo | undefined) ?? (options.legacyGroups ? EXCHANGE_2013_LEGACY_GROUPS : EXCHANGE_2016);
    this.writeSchema = responseSchema(ewsSchema, options);
    this.maxVersionIndex = ExchangeVersionTypeValues.indexOf(options.maxRequestVersion ?? this.release ?? ExchangeVersionTypeValues[ExchangeVersionTypeValues.length - 1]);
    notificationsOf(state, options.notifications).writeEnvelope = (element, value, writeOptions) => writeEnvelope(this.writeSchema, {
      headers: [{ element: 't:ServerVersionInfo', value: this.serverVersion }], body: { element, value },
    }, writeOptions);
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const path = req.url?.split('?')[0].toLowerCase() ?? '';
      const autodiscover = autodiscoverProtocolAt(path);
      if (autodiscover) return await this.autodiscover(autodiscover, req, res);
      if (path !== EWS_PATH.toLowerCase()) return text(res, 404, 'Not Found');
      if (req.method !== 'POST') return text(res, 405, 'Method Not Allowed', { allow: 'POST' });
      const login = this.authenticator.authenticate(req);
      if ('challenge' in login) return unauthorized(req, res, login.challenge);
      const user = login.user;
      const body = await readBody(req, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
      if (body === undefined) return text(res, 413, 'Request Entity Too Large');
      const number = ++this.requests;
      this.options.onRequest?.({ number, headers: req.headers });
      if (this.options.latencyMs) await delay(this.options.latencyMs);
      const injected = this.options.injectFailure?.({ number, operation: operationOfSoapAction(req.headers.soapaction as string | undefined) });
      if (injected && refuseBeforeRunning(injected, res)) return;
      const throttled = this.throttle(number, res);
      if (throttled) return;
      const { xml, operation, stream } = await this.respond(user, body);
      if (stream) return stream(res);
      if (injected?.kind === 'resetAfterRunning' || this.shouldDrop(number, operation)) {
        req.socket.destroy();
        return;
      }
      if (injected?.kind === 'cutAnswer') return await cutAnswer(res, xml.fault ? 500 : 200, xml.body ?? xml.text, injected.afterBytes);
      soap(res, xml.fault ? 500 : 200, xml.body ?? xml.text);
    } catch (error) {
      // A bug in the simulator must not look like an Exchange answer.
      if (!res.headersSent) text(res, 500, `simulator error: ${(error as Error).message}`);
      else res.destroy();
    }
  }

  private async respond(user: SimulatorUser, body: string): Promise<{
    xml: { text: string; body?: Buffer | StreamedBody; fault: boolean }; operation: string; stream?: (res: http.ServerResponse) => void;
  }> {
    let operation = 'unknown';
    try {
      const envelope = await this.readRequest(body);
      const op = envelope.body && this.operationsByRequest.get(envelope.body.element);
      if (!envelope.body || !op) throw new Fault({ responseCode: 'ErrorInvalidRequest', message: 'The request is invalid.' });
      operation = op.name;
      const version = this.requestVersion(envelope.headers['t:RequestServerVersion']);
      const refusal = (this.release && releaseRefusal(ewsSchema, op, envelope.body.value, this.release, envelope.headers))
        || timeZoneRefusal(envelope.headers, op.name, envelope.body.value);
      if (refusal) throw new Fault(refusal);
      const mailbox = this.mailboxFor(user, envelope.headers['t:ExchangeImpersonation']);
      if (op.name === 'GetStreamingEvents') {
        const context = { state: this.state, mailbox, requestServerVersion: version };
        return { xml: { text: '', fault: false }, operation, stream: (res) => streamEvents(context, envelope.body!.value as never, res) };
      }
      let response = runOperation(op.name as 'GetItem', { state: this.state, mailbox, requestServerVersion: version }, envelope.body.value as never) as unknown;
      if (op.name === 'FindItem' && this.options.nilGroups) response = addNilGroups(response as FindItemResponseType);
      if (!READ_ONLY_OPERATIONS.has(op.name)) this.save();
      // As bytes, or streamed when it holds content read from a source (export data, large attachments).
      const answer = writeEnvelopeBody(this.writeSchema, {
        headers: [{ element: 't:ServerVersionInfo', value: this.serverVersion }],
        body: { element: op.response, value: response },
      });
      return { xml: { text: '', body: answer, fault: false }, operation };
    } catch (error) {
      const fault = error instanceof Fault ? error.spec
        : error instanceof UnsupportedOperationError ? { responseCode: 'ErrorInvalidRequest', message: error.message }
          : undefined;
      if (!fault) throw error;
      return { xml: { text: faultEnvelope(fault), fault: true }, operation };
    }
  }

  private async autodiscover(protocol: 'pox' | 'soap', req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return text(res, 405, 'Method Not Allowed', { allow: 'POST' });
    const login = this.authenticator.authenticate(req);
    if ('challenge' in login) return unauthorized(req, res, login.challenge);
    const body = await readBody(req, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
    if (body === undefined) return text(res, 413, 'Request Entity Too Large');
    const options = this.options.autodiscover ?? {};
    serveAutodiscover(protocol, {
      options,
      ewsUrl: options.ewsUrl ?? this.url,
      serverVersion: this.serverVersion,
      mailbox: (address) => {
        const identity = this.state.mailbox(address)?.identity;
        return identity && { smtpAddress: identity.smtpAddress, displayName: identity.displayName };
      },
    }, body, res);
  }

  /** Validates the whole envelope as received (so line numbers are the request's), then reads it. */
  private async readRequest(body: string) {
    if (this.validator) {
      const verdict = await this.validator.validateOne(body);
      if (!verdict.valid) throw new Fault(schemaValidationFault(body, verdict.issues[0]));
    }
    try {
      return readEnvelope(ewsSchema, body);
    } catch (error) {
      throw new Fault({ responseCode: 'ErrorSchemaValidation', message: `The request failed schema validation: ${(error as Error).message}` });
    }
  }

  private requestVersion(header: unknown): ExchangeVersionType {
    const version = (header as { Version?: string } | undefined)?.Version ?? 'Exchange2007';
    const index = ExchangeVersionTypeValues.indexOf(version as ExchangeVersionType);
    if (index < 0 || index > this.maxVersionIndex) throw new Fault({ responseCode: 'ErrorInvalidServerVersion', message: 'The specified server version is invalid.' });
    return version as ExchangeVersionType;
  }

  private mailboxFor(user: SimulatorUser, impersonation: unknown): Mailbox {
    const sid = (impersonation as { ConnectingSID?: Record<string, { $value?: string }> } | undefined)?.ConnectingSID;
    if (!sid) return ensureMailbox(this.state, user.smtpAddress ?? user.username);
    const address = sid.SmtpAddress?.$value ?? sid.PrimarySmtpAddress?.$value ?? sid.PrincipalName?.$value;
    const mailbox = address ? this.state.mailbox(address) : undefined;
    if (!mailbox) throw new Fault({ responseCode: 'ErrorNonExistentMailbox', message: 'The SMTP address has no mailbox associated with it.' });
    return mailbox;
  }

  private throttle(number: number, res: http.ServerResponse): boolean {
    const throttle = this.options.throttle;
    if (!throttle || number % throttle.everyNth !== 0) return false;
    return refuseBeforeRunning(throttle.kind === 'http503' || throttle.kind === 'http429'
      ? { kind: 'throttled', status: throttle.kind === 'http503' ? 503 : 429, retryAfter: String(throttle.retryAfterSeconds ?? 1) }
      : { kind: 'serverBusy', backOffMilliseconds: throttle.backOffMilliseconds ?? 1000 }, res);
  }

  private shouldDrop(number: number, operation: string): boolean {
    const drop = this.options.dropConnectionAfterRequest;
    if (!drop) return false;
    return typeof drop === 'function' ? drop(number, operation) : drop.includes(number);
  }

  private save(): void {
    if (this.options.dataFile) writeFileSync(this.options.dataFile, JSON.stringify(this.state.toJSON()));
  }
}

function soap(res: http.ServerResponse, status: number, envelope: string | Buffer | StreamedBody): void {
  if (envelope instanceof StreamedBody) {
    const length = envelope.length;
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...(length !== undefined && { 'content-length': String(length) }) });
    // A source that fails mid-answer cuts the connection: the client sees a truncated response, not a wrong one.
    pipeline(envelope.open(), res, () => undefined);
    return;
  }
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(envelope);
}

/** A 401 after the request's body was read, so that the connection (NTLM's, above all) stays usable. */
function unauthorized(req: http.IncomingMessage, res: http.ServerResponse, challenge: string): void {
  req.resume();
  req.once('end', () => text(res, 401, 'Unauthorized', { 'www-authenticate': challenge }));
}

function text(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** The request body as text; undefined when it is longer than `maxBytes` (read to its end and dropped). */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks = [];
    });
    req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
