/**
 * The NTLMv2 computations of MS-NLMP section 3.3.2. Only v2: NTLMv1 and LM are broken and refused by
 * any server configured sensibly (LmCompatibilityLevel ≥ 3).
 *
 * MD4 comes from js-md4 because Node 20 links OpenSSL 3, whose default provider no longer offers MD4
 * (`createHash('md4')` throws); MD4 is needed once per strategy, for the NT hash.
 */
import { createHmac } from 'node:crypto';
import md4 from 'js-md4';

/** NTOWFv1: MD4 of the UTF-16LE password. */
export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
}

/** NTOWFv2 (= ResponseKeyNT = ResponseKeyLM): HMAC-MD5 keyed by the NT hash over UPPER(user) ‖ domain. */
export function ntowfv2(ntHashOfPassword: Buffer, user: string, domain: string): Buffer {
  return hmacMd5(ntHashOfPassword, Buffer.from(upperCase(user) + domain, 'utf16le'));
}

export interface NtlmV2Input {
  readonly responseKeyNT: Buffer;
  readonly serverChallenge: Buffer;
  readonly clientChallenge: Buffer;
  /** FILETIME, 8 bytes little-endian. */
  readonly timestamp: Buffer;
  /** The AV pairs of the CHALLENGE message, MsvAvEOL included. */
  readonly targetInfo: Buffer;
}

/** NtChallengeResponse = NTProofStr ‖ temp, where temp is the NTLMv2_CLIENT_CHALLENGE blob. */
export function ntlmV2Response(input: NtlmV2Input): { readonly ntProofStr: Buffer; readonly ntChallengeResponse: Buffer } {
  const temp = Buffer.concat([
    BLOB_HEADER,
    input.timestamp,
    input.clientChallenge,
    Buffer.alloc(4),
    input.targetInfo,
    Buffer.alloc(4),
  ]);
  const ntProofStr = hmacMd5(input.responseKeyNT, Buffer.concat([input.serverChallenge, temp]));
  return { ntProofStr, ntChallengeResponse: Buffer.concat([ntProofStr, temp]) };
}

/** LMv2 response: HMAC-MD5 over the two challenges, followed by the client challenge. */
export function lmV2Response(responseKeyLM: Buffer, serverChallenge: Buffer, clientChallenge: Buffer): Buffer {
  return Buffer.concat([hmacMd5(responseKeyLM, Buffer.concat([serverChallenge, clientChallenge])), clientChallenge]);
}

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC) of a JavaScript time. */
export function fileTime(epochMilliseconds: number): Buffer {
  const time = Buffer.alloc(8);
  time.writeBigUInt64LE((BigInt(epochMilliseconds) + 11_644_473_600_000n) * 10_000n);
  return time;
}

/** RespType 1, HiRespType 1, six reserved zero bytes. */
const BLOB_HEADER = Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]);

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac('md5', key).update(data).digest();
}

/** Upper-cases per character without changing the length ('ß' stays), as Windows does. */
function upperCase(text: string): string {
  let result = '';
  for (const char of text) {
    const upper = char.toUpperCase();
    result += upper.length === char.length ? upper : char;
  }
  return result;
}
