/**
 * The three NTLM messages (MS-NLMP section 2.2.1) as bytes: NEGOTIATE (type 1) and AUTHENTICATE
 * (type 3) written, CHALLENGE (type 2) read. HTTP authentication needs no signing or sealing, so the
 * messages carry no session key, no version and no MIC.
 */

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');

export const NegotiateFlags = {
  UNICODE: 0x0000_0001,
  OEM: 0x0000_0002,
  REQUEST_TARGET: 0x0000_0004,
  NTLM: 0x0000_0200,
  ALWAYS_SIGN: 0x0000_8000,
  EXTENDED_SESSION_SECURITY: 0x0008_0000,
  TARGET_INFO: 0x0080_0000,
  VERSION: 0x0200_0000,
  BITS_128: 0x2000_0000,
  KEY_EXCHANGE: 0x4000_0000,
  BITS_56: 0x8000_0000,
} as const;

/** AV pair ids (MS-NLMP 2.2.2.1) this client reads or adds. */
export const AvId = { EOL: 0, TIMESTAMP: 7, CHANNEL_BINDINGS: 10 } as const;

const CLIENT_FLAGS =
  (NegotiateFlags.UNICODE |
    NegotiateFlags.OEM |
    NegotiateFlags.REQUEST_TARGET |
    NegotiateFlags.NTLM |
    NegotiateFlags.ALWAYS_SIGN |
    NegotiateFlags.EXTENDED_SESSION_SECURITY |
    NegotiateFlags.BITS_128 |
    NegotiateFlags.BITS_56) >>>
  0;

/** The NEGOTIATE message is the same for every handshake: flags only, no domain or workstation. */
export const NEGOTIATE_MESSAGE: Buffer = (() => {
  const message = Buffer.alloc(32);
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8);
  message.writeUInt32LE(CLIENT_FLAGS, 12);
  return message;
})();

export interface ChallengeMessage {
  readonly flags: number;
  readonly serverChallenge: Buffer;
  readonly targetName: string;
  /** Raw AV pairs, MsvAvEOL included; empty when the server sent none. */
  readonly targetInfo: Buffer;
}

export function parseChallengeMessage(message: Buffer): ChallengeMessage {
  if (message.length < 32 || !message.subarray(0, 8).equals(SIGNATURE) || message.readUInt32LE(8) !== 2) {
    throw new Error('not an NTLM type 2 (CHALLENGE) message');
  }
  const flags = message.readUInt32LE(20);
  return {
    flags,
    serverChallenge: Buffer.from(message.subarray(24, 32)),
    targetName: readField(message, 12).toString(textEncoding(flags)),
    targetInfo: message.length >= 48 ? Buffer.from(readField(message, 40)) : Buffer.alloc(0),
  };
}

/** The value of the first AV pair with `id`, if any. */
export function findAvPair(targetInfo: Buffer, id: number): Buffer | undefined {
  for (const pair of readAvPairs(targetInfo)) if (pair.id === id) return pair.value;
  return undefined;
}

/** `targetInfo` with one more AV pair, inserted before MsvAvEOL (which is added if missing). */
export function withAvPair(targetInfo: Buffer, id: number, value: Buffer): Buffer {
  let endOfPairs = 0;
  for (const pair of readAvPairs(targetInfo)) endOfPairs = pair.end;
  const header = Buffer.alloc(4);
  header.writeUInt16LE(id, 0);
  header.writeUInt16LE(value.length, 2);
  return Buffer.concat([targetInfo.subarray(0, endOfPairs), header, value, Buffer.alloc(4)]);
}

/** The AV pairs before MsvAvEOL, each with the offset where it ends. */
function* readAvPairs(targetInfo: Buffer): Generator<{ id: number; value: Buffer; end: number }> {
  for (let at = 0; at + 4 <= targetInfo.length; ) {
    const id = targetInfo.readUInt16LE(at);
    if (id === AvId.EOL) return;
    const end = Math.min(at + 4 + targetInfo.readUInt16LE(at + 2), targetInfo.length);
    yield { id, value: targetInfo.subarray(at + 4, end), end };
    at = end;
  }
}

export interface AuthenticateFields {
  /** The flags of the CHALLENGE message; reduced here to what this client does. */
  readonly challengeFlags: number;
  readonly lmChallengeResponse: Buffer;
  readonly ntChallengeResponse: Buffer;
  readonly domain: string;
  readonly user: string;
  readonly workstation: string;
}

/** Header size without Version and MIC: signature, type, six security buffers, flags. */
const AUTHENTICATE_HEADER = 64;

export function createAuthenticateMessage(fields: AuthenticateFields): Buffer {
  // Echo the negotiated flags, minus what this client never sends (a session key, a version).
  let flags = fields.challengeFlags & ~(NegotiateFlags.KEY_EXCHANGE | NegotiateFlags.VERSION);
  if (flags & NegotiateFlags.UNICODE) flags &= ~NegotiateFlags.OEM;
  const encoding = textEncoding(flags);
  // Security buffers in header order: LM, NT, domain, user, workstation, encrypted session key.
  const payloads = [
    fields.lmChallengeResponse,
    fields.ntChallengeResponse,
    Buffer.from(fields.domain, encoding),
    Buffer.from(fields.user, encoding),
    Buffer.from(fields.workstation, encoding),
    Buffer.alloc(0),
  ];
  const message = Buffer.alloc(AUTHENTICATE_HEADER + payloads.reduce((sum, payload) => sum + payload.length, 0));
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(3, 8);
  let offset = AUTHENTICATE_HEADER;
  payloads.forEach((payload, index) => {
    const field = 12 + index * 8;
    message.writeUInt16LE(payload.length, field);
    message.writeUInt16LE(payload.length, field + 2);
    message.writeUInt32LE(offset, field + 4);
    payload.copy(message, offset);
    offset += payload.length;
  });
  message.writeUInt32LE(flags >>> 0, 60);
  return message;
}

function readField(message: Buffer, at: number): Buffer {
  const length = message.readUInt16LE(at);
  const offset = message.readUInt32LE(at + 4);
  if (offset + length > message.length) throw new Error('a field of the NTLM type 2 message lies beyond its end');
  return message.subarray(offset, offset + length);
}

function textEncoding(flags: number): BufferEncoding {
  return flags & NegotiateFlags.UNICODE ? 'utf16le' : 'latin1';
}
