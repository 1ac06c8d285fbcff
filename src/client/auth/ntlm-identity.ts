/**
 * Who authenticates, and the AUTHENTICATE message that proves it for one CHALLENGE. Pure functions:
 * the connection handling lives in ntlm.ts.
 */
import { randomBytes } from 'node:crypto';
import { tlsServerEndPointBinding } from './channel-binding';
import { fileTime, lmV2Response, ntHash, ntlmV2Response, ntowfv2 } from './ntlm-crypto';
import { AvId, createAuthenticateMessage, findAvPair, type ChallengeMessage, withAvPair } from './ntlm-messages';

export interface NtlmCredentials {
  /** `user`, `DOMAIN\user` or `user@domain.example` (a UPN is sent with an empty domain). */
  readonly username: string;
  readonly password: string;
  /** The account's domain; overrides a `DOMAIN\` prefix in `username`. */
  readonly domain?: string;
  /** Sent as the workstation name; empty by default so the host name does not leak. */
  readonly workstation?: string;
}

export interface NtlmIdentity {
  readonly user: string;
  readonly domain: string;
  readonly workstation: string;
  /** NTOWFv2: all the handshake needs, so the cleartext password is not kept. */
  readonly responseKey: Buffer;
}

export function ntlmIdentity(credentials: NtlmCredentials): NtlmIdentity {
  const backslash = credentials.username.indexOf('\\');
  const user = credentials.username.slice(backslash + 1);
  const domain = credentials.domain ?? (backslash < 0 ? '' : credentials.username.slice(0, backslash));
  return {
    user,
    domain,
    workstation: credentials.workstation ?? '',
    responseKey: ntowfv2(ntHash(credentials.password), user, domain),
  };
}

/**
 * The AUTHENTICATE message answering `challenge` with an NTLMv2 response. `peerCertificate` (DER) is
 * the TLS certificate of the connection the handshake runs on, for channel binding; absent over http.
 */
export function authenticateMessage(identity: NtlmIdentity, challenge: ChallengeMessage, peerCertificate?: Buffer): Buffer {
  const clientChallenge = randomBytes(8);
  const serverTime = findAvPair(challenge.targetInfo, AvId.TIMESTAMP);
  const { ntChallengeResponse } = ntlmV2Response({
    responseKeyNT: identity.responseKey,
    serverChallenge: challenge.serverChallenge,
    clientChallenge,
    timestamp: serverTime ?? fileTime(Date.now()),
    targetInfo: peerCertificate
      ? withAvPair(challenge.targetInfo, AvId.CHANNEL_BINDINGS, tlsServerEndPointBinding(peerCertificate))
      : challenge.targetInfo,
  });
  return createAuthenticateMessage({
    challengeFlags: challenge.flags,
    // With a server timestamp the LMv2 response is replaced by zeros (MS-NLMP 3.1.5.1.2).
    lmChallengeResponse: serverTime
      ? Buffer.alloc(24)
      : lmV2Response(identity.responseKey, challenge.serverChallenge, clientChallenge),
    ntChallengeResponse,
    domain: identity.domain,
    user: identity.user,
    workstation: identity.workstation,
  });
}
