/**
 * What is weak in TLS settings. Versions below TLS 1.2 are deprecated (RFC 8996, March 2021) and Node has not
 * negotiated them by default since v12; `secureProtocol` method names pin one OpenSSL protocol version
 * (https://nodejs.org/api/tls.html#tlscreatesecurecontextoptions, https://www.openssl.org/docs/man1.1.1/man3/SSL_CTX_new.html).
 */

/** `minVersion`/`maxVersion` values (Node's names) that allow or force a protocol older than TLS 1.2. */
export const WEAK_TLS_VERSIONS: ReadonlySet<string> = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/** The version to suggest instead. */
export const MINIMUM_TLS_VERSION = 'TLSv1.2';

/**
 * OpenSSL method names that pin SSLv2, SSLv3, TLS 1.0 or TLS 1.1 (`TLSv1_method`, `SSLv3_client_method`).
 * `SSLv23_method` and `TLS_method` negotiate the best version both sides support, so they are not weak.
 */
const WEAK_SECURE_PROTOCOL = /^(?:SSLv[23]|TLSv1(?:_1)?)_(?:client_|server_)?method$/;

export function isWeakSecureProtocol(name: string): boolean {
  return WEAK_SECURE_PROTOCOL.test(name);
}
