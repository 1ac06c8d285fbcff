/**
 * The server side of NTLM, as IIS in front of Exchange runs it: NEGOTIATE is answered with a CHALLENGE
 * carrying a target-info block (with a timestamp, as Windows sends), and the NTLMv2 proof of the
 * AUTHENTICATE message is recomputed from the known password. Written independently of
 * src/client/auth (from MS-NLMP), so a wrong computation on the client fails the handshake.
 * Authentication belongs to a connection: the caller keys the state by its socket.
 */
import { createHmac, randomBytes } from 'node:crypto';
import md4 from 'js-md4';

export interface NtlmAttempt {
  readonly user: string;
  readonly domain: string;
  readonly workstation: string;
  readonly valid: boolean;
}

export type NtlmVerdict =
  | { readonly kind: 'challenge'; readonly header: string }
  | { readonly kind: 'authenticated'; readonly attempt: NtlmAttempt }
  | { readonly kind: 'refused'; readonly attempt?: NtlmAttempt };

export interface NtlmAcceptorOptions {
  /**
   * Extended Protection: the MsvAvChannelBindings value the client must send (a hash of the server
   * certificate). Without it, any channel binding the client adds is ignored.
   */
  readonly channelBinding?: Buffer;
}

const SIGNATURE = 'NTLMSSP\0';
const FLAGS = 0x00000001 | 0x00000004 | 0x00000200 | 0x00008000 | 0x00080000 | 0x00800000 | 0x20000000 | 0x80000000;

export class NtlmAcceptor<Connection> {
  readonly #challenges = new Map<Connection, Buffer>();
  readonly #targetInfo = avPairs([
    [2, utf16('CONTOSO')],
    [1, utf16('EXCH01')],
    [4, utf16('contoso.local')],
    [3, utf16('exch01.contoso.local')],
    [7, fileTimeNow()],
  ]);

  /** `passwordOf` names the password of an account, or undefined for an unknown one. */
  constructor(
    private readonly passwordOf: (user: string, domain: string) => string | undefined,
    private readonly options: NtlmAcceptorOptions = {},
  ) {}

  /** Answers the base64 NTLM message a client sent on `connection`. */
  accept(connection: Connection, token: string): NtlmVerdict {
    const message = Buffer.from(token, 'base64');
    if (message.length < 12 || message.toString('latin1', 0, 8) !== SIGNATURE) return { kind: 'refused' };
    const type = message.readUInt32LE(8);
    if (type === 1) {
      const serverChallenge = randomBytes(8);
      this.#challenges.set(connection, serverChallenge);
      return { kind: 'challenge', header: `NTLM ${challengeMessage(serverChallenge, this.#targetInfo).toString('base64')}` };
    }
    const serverChallenge = this.#challenges.get(connection);
    this.#challenges.delete(connection);
    if (type !== 3 || serverChallenge === undefined || message.length < 52) return { kind: 'refused' };
    const parts = readAuthenticate(message);
    const password = this.passwordOf(parts.user, parts.domain);
    const valid = password !== undefined && verifyProof(password, parts, serverChallenge, this.#targetInfo, this.options.channelBinding);
    const attempt = { user: parts.user, domain: parts.domain, workstation: parts.workstation, valid };
    return valid ? { kind: 'authenticated', attempt } : { kind: 'refused', attempt };
  }

  /** Forgets a connection's pending challenge (it closed). */
  forget(connection: Connection): void {
    this.#challenges.delete(connection);
  }
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
function verifyProof(password: string, parts: AuthenticateParts, serverChallenge: Buffer, targetInfo: Buffer, channelBinding: Buffer | undefined): boolean {
  if (parts.nt.length < 48) return false;
  const ntHash = Buffer.from(md4.arrayBuffer(utf16(password)));
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
