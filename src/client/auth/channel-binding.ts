/**
 * Channel binding for NTLM over TLS ("Extended Protection for Authentication"), which Exchange 2019
 * CU14 and later enable by default: the AUTHENTICATE message must then carry, in MsvAvChannelBindings,
 * a hash tying it to the TLS connection it travels on, or IIS answers 401 whatever the password.
 * The binding is RFC 5929 `tls-server-end-point`: a hash of the server's certificate.
 */
import { createHash } from 'node:crypto';

/** MD5 of a gss_channel_bindings_struct with no addresses and `applicationData` (MS-NLMP 2.2.2.1). */
export function channelBindingsHash(applicationData: Buffer): Buffer {
  // initiator_addrtype, initiator_address length, acceptor_addrtype, acceptor_address length: all 0.
  const header = Buffer.alloc(20);
  header.writeUInt32LE(applicationData.length, 16);
  return createHash('md5').update(header).update(applicationData).digest();
}

/** The MsvAvChannelBindings value for a TLS connection to a server presenting `certificate` (DER). */
export function tlsServerEndPointBinding(certificate: Buffer): Buffer {
  const certificateHash = createHash(certificateHashAlgorithm(certificate)).update(certificate).digest();
  return channelBindingsHash(Buffer.concat([Buffer.from('tls-server-end-point:', 'latin1'), certificateHash]));
}

/** Signature algorithm OIDs (DER content, hex) whose hash is not SHA-256. */
const STRONGER_HASHES: Readonly<Record<string, 'sha384' | 'sha512'>> = {
  '2a864886f70d01010c': 'sha384', // sha384WithRSAEncryption
  '2a864886f70d01010d': 'sha512', // sha512WithRSAEncryption
  '2a8648ce3d040303': 'sha384', // ecdsa-with-SHA384
  '2a8648ce3d040304': 'sha512', // ecdsa-with-SHA512
};

/**
 * RFC 5929 4.1: the hash of the certificate's signature algorithm, except that MD5 and SHA-1 become
 * SHA-256. Node 20's X509Certificate does not expose the algorithm, so the DER is walked:
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm SEQUENCE { OID, … }, signature }.
 */
export function certificateHashAlgorithm(certificate: Buffer): 'sha256' | 'sha384' | 'sha512' {
  try {
    const certificateBody = readTlv(certificate, 0).contentStart;
    const tbs = readTlv(certificate, certificateBody);
    const algorithm = readTlv(certificate, tbs.end);
    const oid = readTlv(certificate, algorithm.contentStart);
    return STRONGER_HASHES[certificate.subarray(oid.contentStart, oid.end).toString('hex')] ?? 'sha256';
  } catch {
    return 'sha256'; // not parseable: the common case is the best guess
  }
}

/** One DER tag-length-value with a single-byte tag. */
function readTlv(der: Buffer, at: number): { contentStart: number; end: number } {
  const first = der[at + 1];
  if (first === undefined) throw new RangeError('DER value beyond the end');
  let length = first;
  let contentStart = at + 2;
  if (first & 0x80) {
    const lengthBytes = first & 0x7f;
    length = der.readUIntBE(at + 2, lengthBytes);
    contentStart += lengthBytes;
  }
  return { contentStart, end: contentStart + length };
}
