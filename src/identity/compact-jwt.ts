import { TokenValidationError } from './identity-errors';

/** A JWS in compact form, split and decoded but NOT verified. */
export interface CompactJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header) + '.' + base64url(payload)`: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

/** Entra access tokens are a few kilobytes; anything far larger is not one of them. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function decodeCompactJwt(token: string): CompactJwt {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw malformed(`The token is empty or longer than ${MAX_TOKEN_LENGTH} characters.`);
  }
  const parts = token.split('.');
  const [headerPart, payloadPart, signaturePart] = parts;
  if (
    parts.length !== 3 ||
    headerPart === undefined ||
    payloadPart === undefined ||
    signaturePart === undefined
  ) {
    throw malformed('The token is not a JWT in compact form (three dot-separated parts).');
  }
  if (!parts.every((part) => BASE64URL.test(part)) || headerPart === '' || payloadPart === '') {
    throw malformed('The token parts are not base64url.');
  }
  return {
    header: decodeJsonObject(headerPart, 'header'),
    payload: decodeJsonObject(payloadPart, 'payload'),
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

function decodeJsonObject(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw malformed(`The token ${what} is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`The token ${what} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function malformed(message: string): TokenValidationError {
  return new TokenValidationError('malformed_token', message);
}
