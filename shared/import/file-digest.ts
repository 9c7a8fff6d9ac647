/**
 * SHA-256 of a file's bytes for its provenance. The platform's native digest (WebCrypto, in browsers,
 * workers, Electron and Node) hashes 50 MB in a fraction of a second off the main thread; plain TypeScript
 * takes seconds. Both give the same digest, so where WebCrypto is missing (an insecure origin) the
 * TypeScript one is used.
 */
import { sha256Hex } from '../utils/sha256';

interface Subtle {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

function nativeSubtle(): Subtle | null {
  return (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle ?? null;
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const subtle = nativeSubtle();
  if (subtle) {
    try {
      const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
      let hex = '';
      for (let i = 0; i < digest.length; i++) hex += digest[i]!.toString(16).padStart(2, '0');
      return hex;
    } catch {
      // Fall through to the portable implementation.
    }
  }
  return sha256Hex(bytes);
}
