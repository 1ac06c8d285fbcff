/**
 * NTLMv2 against the test vectors of MS-NLMP section 4.2.4 (user "User", domain "Domain", password
 * "Password", server challenge 0123456789abcdef, client challenge aa×8, time 0).
 */
import { fileTime, lmV2Response, ntHash, ntlmV2Response, ntowfv2 } from '../../src/client/auth/ntlm-crypto';
import {
  AvId,
  createAuthenticateMessage,
  findAvPair,
  NEGOTIATE_MESSAGE,
  NegotiateFlags,
  parseChallengeMessage,
} from '../../src/client/auth/ntlm-messages';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

const SERVER_CHALLENGE = hex('0123456789abcdef');
const CLIENT_CHALLENGE = hex('aaaaaaaaaaaaaaaa');
/** MS-NLMP 4.2.4.3: the CHALLENGE message, with target name "Server" and AV pairs Domain/Server. */
const SPEC_CHALLENGE = hex(`
  4e544c4d53535000 02000000 0c000c0038000000 33828ae2 0123456789abcdef 0000000000000000
  2400240044000000 060070170000000f 530065007200760065007200
  02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000`);
const SPEC_TARGET_INFO = hex('02000c0044006f006d00610069006e0001000c00530065007200760065007200 00000000');

describe('NTLMv2 computations (MS-NLMP 4.2.4 test vectors)', () => {
  const responseKey = ntowfv2(ntHash('Password'), 'User', 'Domain');

  it('NTOWFv2 of Password/User/Domain is 0c868a403bfd7a93a3001ef22ef02e3f', () => {
    expect(responseKey.toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('NTOWFv2 upper-cases the user but not the domain', () => {
    expect(ntowfv2(ntHash('Password'), 'user', 'Domain')).toEqual(responseKey);
    expect(ntowfv2(ntHash('Password'), 'User', 'DOMAIN')).not.toEqual(responseKey);
  });

  it('NTProofStr is 68cd0ab851e51c96aabc927bebef6a1c and the blob is laid out as the spec shows', () => {
    const { ntProofStr, ntChallengeResponse } = ntlmV2Response({
      responseKeyNT: responseKey,
      serverChallenge: SERVER_CHALLENGE,
      clientChallenge: CLIENT_CHALLENGE,
      timestamp: Buffer.alloc(8),
      targetInfo: SPEC_TARGET_INFO,
    });
    expect(ntProofStr.toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c');
    const expectedTemp = Buffer.concat([hex('0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000'), SPEC_TARGET_INFO, hex('00000000')]);
    expect(ntChallengeResponse).toEqual(Buffer.concat([ntProofStr, expectedTemp]));
  });

  it('LMv2 response is 86c35097ac9cec102554764a57cccc19 followed by the client challenge', () => {
    expect(lmV2Response(responseKey, SERVER_CHALLENGE, CLIENT_CHALLENGE).toString('hex')).toBe(
      '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa',
    );
  });

  it('FILETIME counts 100 ns ticks from 1601: the Unix epoch is 116444736000000000', () => {
    expect(fileTime(0).readBigUInt64LE()).toBe(116444736000000000n);
  });
});

describe('NTLM messages', () => {
  it('NEGOTIATE asks for Unicode and NTLM and names no domain or workstation', () => {
    expect(NEGOTIATE_MESSAGE.toString('latin1', 0, 8)).toBe('NTLMSSP\0');
    expect(NEGOTIATE_MESSAGE.readUInt32LE(8)).toBe(1);
    const flags = NEGOTIATE_MESSAGE.readUInt32LE(12);
    expect(flags & NegotiateFlags.UNICODE).toBeTruthy();
    expect(flags & NegotiateFlags.NTLM).toBeTruthy();
    expect(NEGOTIATE_MESSAGE.subarray(16, 32)).toEqual(Buffer.alloc(16));
  });

  it('reads the spec CHALLENGE: flags, server challenge, target name and target info', () => {
    const challenge = parseChallengeMessage(SPEC_CHALLENGE);
    expect(challenge.flags >>> 0).toBe(0xe28a8233);
    expect(challenge.serverChallenge).toEqual(SERVER_CHALLENGE);
    expect(challenge.targetName).toBe('Server');
    expect(challenge.targetInfo).toEqual(SPEC_TARGET_INFO);
  });

  it('rejects a message that is not a CHALLENGE, and a field pointing past the end', () => {
    expect(() => parseChallengeMessage(NEGOTIATE_MESSAGE)).toThrow('not an NTLM type 2 (CHALLENGE) message');
    const truncated = Buffer.from(SPEC_CHALLENGE.subarray(0, 60));
    expect(() => parseChallengeMessage(truncated)).toThrow('lies beyond its end');
  });

  it('finds AV pairs by id and stops at MsvAvEOL', () => {
    expect(findAvPair(SPEC_TARGET_INFO, 1)?.toString('utf16le')).toBe('Server');
    expect(findAvPair(SPEC_TARGET_INFO, AvId.TIMESTAMP)).toBeUndefined();
  });

  it('AUTHENTICATE carries each payload at the offset its security buffer names, in Unicode', () => {
    const message = createAuthenticateMessage({
      challengeFlags: parseChallengeMessage(SPEC_CHALLENGE).flags,
      lmChallengeResponse: Buffer.alloc(24, 1),
      ntChallengeResponse: Buffer.alloc(60, 2),
      domain: 'Domain',
      user: 'User',
      workstation: 'COMPUTER',
    });
    const field = (at: number): Buffer =>
      message.subarray(message.readUInt32LE(at + 4), message.readUInt32LE(at + 4) + message.readUInt16LE(at));
    expect(message.readUInt32LE(8)).toBe(3);
    expect(field(12)).toEqual(Buffer.alloc(24, 1));
    expect(field(20)).toEqual(Buffer.alloc(60, 2));
    expect(field(28).toString('utf16le')).toBe('Domain');
    expect(field(36).toString('utf16le')).toBe('User');
    expect(field(44).toString('utf16le')).toBe('COMPUTER');
    expect(field(52).length).toBe(0);
    const flags = message.readUInt32LE(60);
    expect(flags & NegotiateFlags.KEY_EXCHANGE).toBe(0);
    expect(flags & NegotiateFlags.VERSION).toBe(0);
    expect(flags & NegotiateFlags.OEM).toBe(0);
  });
});
