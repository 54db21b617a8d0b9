import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CertificateCredential } from './identity-config';

const PRIVATE_KEY_BLOCK =
  /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const SHA1_HEX = /^[0-9a-f]{40}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Builds the certificate credential from a PEM file's text (what the config module reads from the
 * certificate path): a private key, and usually the certificate itself. When the certificate is in the
 * file, its SHA-256 thumbprint is computed from it (so the configured thumbprint is only a cross-check)
 * and the key is checked to belong to it. Without the certificate, the configured thumbprint is used:
 * 40 hex digits are a SHA-1 thumbprint, 64 a SHA-256 one. Errors name the problem, never the key.
 */
export function certificateCredentialFromPem(
  pem: string,
  configuredThumbprint?: string,
): CertificateCredential {
  const keyBlock = PRIVATE_KEY_BLOCK.exec(pem);
  if (!keyBlock) throw new Error('The certificate file has no PEM private key.');
  if (keyBlock[1] === 'ENCRYPTED ') {
    throw new Error('The certificate private key is encrypted; provide it without a passphrase.');
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyBlock[0]);
  } catch {
    throw new Error('The certificate private key cannot be read.');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error(
      'The certificate private key must be an RSA key (Entra client assertions are RS256/PS256).',
    );
  }
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const thumbprint = configuredThumbprint?.replace(/:/g, '').toLowerCase();
  if (thumbprint !== undefined && !SHA1_HEX.test(thumbprint) && !SHA256_HEX.test(thumbprint)) {
    throw new Error('The certificate thumbprint must be 40 (SHA-1) or 64 (SHA-256) hex digits.');
  }

  const certificatePem = pem.match(CERTIFICATE_BLOCK)?.[0];
  if (certificatePem === undefined) {
    if (thumbprint === undefined) {
      throw new Error('The certificate file has no certificate, so its thumbprint must be configured.');
    }
    return SHA256_HEX.test(thumbprint)
      ? { kind: 'certificate', thumbprintSha256: thumbprint, privateKeyPem }
      : { kind: 'certificate', thumbprint, privateKeyPem };
  }

  const certificate = new X509Certificate(certificatePem);
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new Error('The private key in the certificate file does not belong to its certificate.');
  }
  const sha256 = hex(certificate.fingerprint256);
  if (thumbprint !== undefined && thumbprint !== sha256 && thumbprint !== hex(certificate.fingerprint)) {
    throw new Error('The configured thumbprint is not the thumbprint of the certificate in the file.');
  }
  return { kind: 'certificate', thumbprintSha256: sha256, privateKeyPem };
}

/** `AB:CD:...` (node's fingerprint form) to `abcd...`. */
function hex(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}
