import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { certificateHashAlgorithm, channelBindingsHash, tlsServerEndPointBinding } from '../../src/client/auth/channel-binding';
import { AvId, findAvPair, withAvPair } from '../../src/client/auth/ntlm-messages';

const certificate = (name: string): Buffer =>
  new X509Certificate(readFileSync(path.join(__dirname, 'fixtures', name))).raw;

describe('TLS channel binding (Extended Protection)', () => {
  it('hashes the gss_channel_bindings_struct as in Microsoft\'s published example', () => {
    // Application data of the example: "tls-server-end-point:" and the SHA-256 of the server certificate.
    const applicationData = Buffer.concat([
      Buffer.from('tls-server-end-point:', 'latin1'),
      Buffer.from('ea05fefecc6b0bd571dbbc5baa3ed45386d0446835f7b74c85621b9983475f95', 'hex'),
    ]);
    expect(channelBindingsHash(applicationData).toString('hex')).toBe('6586e99d81c2fc984e47172fd4dd0310');
  });

  it('hashes the certificate with its signature hash: SHA-256 for sha256WithRSA, SHA-384 for ecdsa-with-SHA384', () => {
    expect(certificateHashAlgorithm(certificate('loopback-cert.pem'))).toBe('sha256');
    expect(certificateHashAlgorithm(certificate('ecdsa-sha384-cert.pem'))).toBe('sha384');
    expect(certificateHashAlgorithm(Buffer.from([0x30]))).toBe('sha256');
  });

  it('binds to tls-server-end-point: MD5 of the struct over the certificate hash', () => {
    const der = certificate('ecdsa-sha384-cert.pem');
    const data = Buffer.concat([Buffer.from('tls-server-end-point:'), createHash('sha384').update(der).digest()]);
    expect(tlsServerEndPointBinding(der)).toEqual(channelBindingsHash(data));
  });

  it('adds the binding as an AV pair before MsvAvEOL, keeping the server pairs', () => {
    const serverPairs = Buffer.from('02000400410042000000 0000'.replace(/\s/g, ''), 'hex');
    const binding = Buffer.alloc(16, 7);
    const extended = withAvPair(serverPairs, AvId.CHANNEL_BINDINGS, binding);
    expect(extended.subarray(0, 8)).toEqual(serverPairs.subarray(0, 8));
    expect(findAvPair(extended, AvId.CHANNEL_BINDINGS)).toEqual(binding);
    expect(extended.subarray(-4)).toEqual(Buffer.alloc(4));
    expect(withAvPair(Buffer.alloc(0), 10, binding)).toEqual(Buffer.concat([Buffer.from('0a001000', 'hex'), binding, Buffer.alloc(4)]));
  });
});
