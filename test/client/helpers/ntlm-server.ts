/**
 * The server side of NTLM for tests, written independently of src/client/auth: it parses NEGOTIATE,
 * answers with a CHALLENGE carrying a target-info block (with a timestamp, as Windows sends), and
 * verifies the NTLMv2 proof of the AUTHENTICATE message against the known password. A wrong NTLMv2
 * computation on the client therefore fails the handshake. Authentication is bound to the connection.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import md4 from 'js-md4';
import type { LoopbackHandler } from '../../support/loopback-server';

export interface NtlmAccount {
  readonly user: string;
  readonly domain: string;
  readonly password: string;
}

export interface NtlmServer {
  readonly handler: LoopbackHandler;
  /** One entry per AUTHENTICATE message: who, and whether the proof matched. */
  readonly attempts: { user: string; domain: string; workstation: string; valid: boolean; connection: number }[];
  /** Makes the server forget which connections are authenticated (as after an IIS recycle). */
  forgetAuthentications(): void;
}

const SIGNATURE = 'NTLMSSP\0';
const FLAGS = 0x00000001 | 0x00000004 | 0x00000200 | 0x00008000 | 0x00080000 | 0x00800000 | 0x20000000 | 0x80000000;

export interface NtlmServerOptions {
  /**
   * Extended Protection: the MsvAvChannelBindings value the client must send (computed by the test
   * from the server certificate). Without it, any channel binding the client adds is ignored.
   */
  readonly channelBinding?: Buffer;
}

export function ntlmProtected(account: NtlmAccount, inner: LoopbackHandler, options: NtlmServerOptions = {}): NtlmServer {
  const attempts: NtlmServer['attempts'] = [];
  const challenges = new Map<number, Buffer>();
  const authenticated = new Set<number>();
  const targetInfo = avPairs([
    [2, utf16('CONTOSO')],
    [1, utf16('EXCH01')],
    [4, utf16('contoso.local')],
    [3, utf16('exch01.contoso.local')],
    [7, fileTimeNow()],
  ]);

  const handler: LoopbackHandler = (request, response, raw) => {
    const token = /^NTLM\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) {
      if (authenticated.has(request.connection)) return inner(request, response, raw);
      return unauthorized(response, 'NTLM');
    }
    const message = Buffer.from(token, 'base64');
    if (message.toString('latin1', 0, 8) !== SIGNATURE) return unauthorized(response, 'NTLM');
    const type = message.readUInt32LE(8);
    if (type === 1) {
      if (request.body !== '') throw new Error('the NEGOTIATE leg must not carry the SOAP body');
      const serverChallenge = randomBytes(8);
      challenges.set(request.connection, serverChallenge);
      return unauthorized(response, `NTLM ${challengeMessage(serverChallenge, targetInfo).toString('base64')}`);
    }
    const serverChallenge = challenges.get(request.connection);
    challenges.delete(request.connection);
    const parts = readAuthenticate(message);
    const valid = type === 3 && serverChallenge !== undefined && verifyProof(account, parts, serverChallenge, targetInfo, options.channelBinding);
    const { user, domain, workstation } = parts;
    attempts.push({ user, domain, workstation, valid, connection: request.connection });
    if (!valid) return unauthorized(response, 'NTLM');
    authenticated.add(request.connection);
    return inner(request, response, raw);
  };
  return { handler, attempts, forgetAuthentications: () => authenticated.clear() };
}

function unauthorized(response: http.ServerResponse, challenge: string): void {
  response.writeHead(401, { 'WWW-Authenticate': challenge, 'Content-Type': 'text/html' });
  response.end('<html><body>401 - Unauthorized</body></html>');
}

function challengeMessage(serverChallenge: Buffer, targetInfo: Buffer): Buffer {
  const targetName = utf16('CONTOSO');
  const header = Buffer.alloc(48);
  header.write(SIGNATURE, 0, 'latin1');
  header.writeUInt32LE(2, 8);
  writeField(header, 12, targetName.length, 48);
  header.writeUInt32LE(FLAGS >>> 0, 20);
  serverChallenge.copy(header, 24);
  writeField(header, 40, targetInfo.length, 48 + targetName.length);
  return Buffer.concat([header, targetName, targetInfo]);
}

interface AuthenticateParts {
  readonly nt: Buffer;
  readonly user: string;
  readonly domain: string;
  readonly workstation: string;
}

function readAuthenticate(message: Buffer): AuthenticateParts {
  const field = (at: number): Buffer => message.subarray(message.readUInt32LE(at + 4), message.readUInt32LE(at + 4) + message.readUInt16LE(at));
  return {
    nt: field(20),
    domain: field(28).toString('utf16le'),
    user: field(36).toString('utf16le'),
    workstation: field(44).toString('utf16le'),
  };
}

/** MS-NLMP 3.3.2 from the server's side: recompute NTProofStr from the client's blob. */
function verifyProof(
  account: NtlmAccount,
  parts: AuthenticateParts,
  serverChallenge: Buffer,
  targetInfo: Buffer,
  channelBinding: Buffer | undefined,
): boolean {
  if (parts.user.toUpperCase() !== account.user.toUpperCase() || parts.nt.length < 48) return false;
  const ntHash = Buffer.from(md4.arrayBuffer(utf16(account.password)));
  const responseKey = hmacMd5(ntHash, utf16(parts.user.toUpperCase() + parts.domain));
  const proof = parts.nt.subarray(0, 16);
  const blob = parts.nt.subarray(16);
  const expected = hmacMd5(responseKey, Buffer.concat([serverChallenge, blob]));
  const serverTimestamp = targetInfo.subarray(targetInfo.length - 12, targetInfo.length - 4);
  return (
    blob.readUInt8(0) === 1 &&
    blob.readUInt8(1) === 1 &&
    blob.subarray(8, 16).equals(serverTimestamp) &&
    blobTargetInfoIsValid(blob.subarray(28, blob.length - 4), targetInfo, channelBinding) &&
    proof.equals(expected)
  );
}

/** The client echoes the server's AV pairs and, under Extended Protection, adds the right binding. */
function blobTargetInfoIsValid(blobTargetInfo: Buffer, targetInfo: Buffer, channelBinding: Buffer | undefined): boolean {
  const serverPairs = targetInfo.subarray(0, targetInfo.length - 4);
  if (!blobTargetInfo.subarray(0, serverPairs.length).equals(serverPairs)) return false;
  const added = blobTargetInfo.subarray(serverPairs.length);
  if (channelBinding === undefined) return true;
  return added.equals(avPairs([[10, channelBinding]]));
}

function avPairs(pairs: readonly (readonly [number, Buffer])[]): Buffer {
  const parts: Buffer[] = [];
  for (const [id, value] of pairs) {
    const header = Buffer.alloc(4);
    header.writeUInt16LE(id, 0);
    header.writeUInt16LE(value.length, 2);
    parts.push(header, value);
  }
  parts.push(Buffer.alloc(4)); // MsvAvEOL
  return Buffer.concat(parts);
}

function writeField(message: Buffer, at: number, length: number, offset: number): void {
  message.writeUInt16LE(length, at);
  message.writeUInt16LE(length, at + 2);
  message.writeUInt32LE(offset, at + 4);
}

function fileTimeNow(): Buffer {
  const time = Buffer.alloc(8);
  time.writeBigUInt64LE((BigInt(Date.now()) + 11644473600000n) * 10000n);
  return time;
}

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac('md5', key).update(data).digest();
}
