import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { certificateCredentialFromPem } from '../../../src/identity/certificate-credential';
import { createSelfSignedCertificate } from '../../integration/identity/support/self-signed-certificate';

const certificate = createSelfSignedCertificate('career-conversations-test');
const x509 = new X509Certificate(certificate.certificatePem);
const sha256 = x509.fingerprint256.replace(/:/g, '').toLowerCase();
const sha1 = x509.fingerprint.replace(/:/g, '').toLowerCase();
const keyThenCertificate = `${certificate.privateKeyPem}${certificate.certificatePem}`;

describe('building the certificate credential from a PEM file', () => {
  it('computes the SHA-256 thumbprint from the certificate in the file', () => {
    expect(certificateCredentialFromPem(keyThenCertificate)).toEqual({
      kind: 'certificate',
      thumbprintSha256: sha256,
      privateKeyPem: certificate.privateKeyPem,
    });
  });

  it('reads the file whichever block comes first', () => {
    const credential = certificateCredentialFromPem(
      `${certificate.certificatePem}${certificate.privateKeyPem}`,
    );

    expect(credential.thumbprintSha256).toBe(sha256);
  });

  it.each([
    ['SHA-1', sha1],
    ['SHA-256', sha256],
    ['colon-separated upper-case SHA-256', x509.fingerprint256],
  ])('accepts a configured %s thumbprint that matches the certificate', (_form, thumbprint) => {
    expect(certificateCredentialFromPem(keyThenCertificate, thumbprint).thumbprintSha256).toBe(sha256);
  });

  it('refuses a configured thumbprint that is not the certificate one', () => {
    expect(() => certificateCredentialFromPem(keyThenCertificate, 'ab'.repeat(20))).toThrow(
      'The configured thumbprint is not the thumbprint of the certificate in the file.',
    );
  });

  it('refuses a private key that does not belong to the certificate', () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();

    expect(() => certificateCredentialFromPem(`${otherKey}${certificate.certificatePem}`)).toThrow(
      'does not belong to its certificate',
    );
  });

  it('uses the configured thumbprint when the file holds only the key: 64 hex digits are SHA-256', () => {
    expect(certificateCredentialFromPem(certificate.privateKeyPem, sha256)).toEqual({
      kind: 'certificate',
      thumbprintSha256: sha256,
      privateKeyPem: certificate.privateKeyPem,
    });
  });

  it('uses the configured thumbprint when the file holds only the key: 40 hex digits are SHA-1', () => {
    expect(certificateCredentialFromPem(certificate.privateKeyPem, sha1)).toEqual({
      kind: 'certificate',
      thumbprint: sha1,
      privateKeyPem: certificate.privateKeyPem,
    });
  });

  it('converts a PKCS#1 RSA key to PKCS#8', () => {
    const pkcs1 = certificate.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

    expect(certificateCredentialFromPem(`${pkcs1}${certificate.certificatePem}`).privateKeyPem).toBe(
      certificate.privateKeyPem,
    );
  });

  it.each<[string, string, string]>([
    ['no private key', certificate.certificatePem, 'has no PEM private key'],
    ['only a key and no thumbprint', certificate.privateKeyPem, 'its thumbprint must be configured'],
    [
      'an encrypted key',
      certificate.privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' })
        .toString(),
      'is encrypted',
    ],
    [
      'an EC key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      'must be an RSA key',
    ],
  ])('refuses a file with %s', (_what, pem, message) => {
    expect(() =>
      certificateCredentialFromPem(pem, pem === certificate.certificatePem ? sha1 : undefined),
    ).toThrow(message);
  });

  it('refuses a thumbprint that is neither SHA-1 nor SHA-256 hex', () => {
    expect(() => certificateCredentialFromPem(keyThenCertificate, 'not-hex')).toThrow(
      '40 (SHA-1) or 64 (SHA-256)',
    );
  });

  it('never puts key material in an error message', () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();

    let message = '';
    try {
      certificateCredentialFromPem(`${otherKey}${certificate.certificatePem}`);
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toBe('The private key in the certificate file does not belong to its certificate.');
    expect(message).not.toMatch(/PRIVATE KEY|MII/);
  });
});
