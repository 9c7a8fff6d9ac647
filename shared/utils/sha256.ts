/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, streaming.
 *
 * The core must hash identically in the renderer, workers, Node and the main process without platform
 * APIs (WebCrypto is async and absent from the platform-neutral type set; node:crypto is Node only), and
 * it must be synchronous so that an estimate's inputHash can be computed inside the same pure call.
 * Hashing a file's raw bytes at import may still use the platform's native SHA-256 for speed: the digest
 * is the same.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export interface Sha256 {
  update(data: Uint8Array | string): Sha256;
  /** Finish and return the digest as 64 lower-case hex characters. The hasher cannot be used afterwards. */
  digestHex(): string;
}

export function createSha256(): Sha256 {
  const state = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const block = new Uint8Array(64);
  let blockLength = 0;
  let totalBytes = 0;
  let finished = false;

  function compress(bytes: Uint8Array, offset: number): void {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = ((bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!) >>> 0;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
    let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      h = g; g = f; f = e; e = (d + t1) >>> 0;
      d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    state[0] = (state[0]! + a) >>> 0; state[1] = (state[1]! + b) >>> 0;
    state[2] = (state[2]! + c) >>> 0; state[3] = (state[3]! + d) >>> 0;
    state[4] = (state[4]! + e) >>> 0; state[5] = (state[5]! + f) >>> 0;
    state[6] = (state[6]! + g) >>> 0; state[7] = (state[7]! + h) >>> 0;
  }

  function putByte(byte: number): void {
    block[blockLength++] = byte;
    if (blockLength === 64) {
      compress(block, 0);
      blockLength = 0;
    }
  }

  /** Text as UTF-8 (see utf8Encode), straight into the block: no array of its bytes is made. */
  function updateText(text: string): void {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp < 0x80) {
        putByte(cp);
        totalBytes++;
        continue;
      }
      cp = scalarAt(text, i);
      if (cp > 0xffff) i++;
      if (cp < 0x800) {
        putByte(0xc0 | (cp >> 6));
        putByte(0x80 | (cp & 0x3f));
        totalBytes += 2;
      } else if (cp < 0x10000) {
        putByte(0xe0 | (cp >> 12));
        putByte(0x80 | ((cp >> 6) & 0x3f));
        putByte(0x80 | (cp & 0x3f));
        totalBytes += 3;
      } else {
        putByte(0xf0 | (cp >> 18));
        putByte(0x80 | ((cp >> 12) & 0x3f));
        putByte(0x80 | ((cp >> 6) & 0x3f));
        putByte(0x80 | (cp & 0x3f));
        totalBytes += 4;
      }
    }
  }

  const hasher: Sha256 = {
    update(data) {
      if (finished) throw new Error('SHA-256: update after digest');
      if (typeof data === 'string') {
        updateText(data);
        return hasher;
      }
      const bytes = data;
      totalBytes += bytes.length;
      let offset = 0;
      if (blockLength > 0) {
        const take = Math.min(64 - blockLength, bytes.length);
        block.set(bytes.subarray(0, take), blockLength);
        blockLength += take;
        offset = take;
        if (blockLength < 64) return hasher;
        compress(block, 0);
        blockLength = 0;
      }
      for (; offset + 64 <= bytes.length; offset += 64) compress(bytes, offset);
      block.set(bytes.subarray(offset), 0);
      blockLength = bytes.length - offset;
      return hasher;
    },
    digestHex() {
      if (finished) throw new Error('SHA-256: digest called twice');
      finished = true;
      const bitLength = totalBytes * 8;
      block[blockLength++] = 0x80;
      if (blockLength > 56) {
        block.fill(0, blockLength);
        compress(block, 0);
        blockLength = 0;
      }
      block.fill(0, blockLength, 56);
      // 64-bit big-endian length; totalBytes < 2^53 so the high word is exact.
      const high = Math.floor(bitLength / 4294967296);
      const low = bitLength >>> 0;
      block[56] = high >>> 24; block[57] = (high >>> 16) & 0xff; block[58] = (high >>> 8) & 0xff; block[59] = high & 0xff;
      block[60] = low >>> 24; block[61] = (low >>> 16) & 0xff; block[62] = (low >>> 8) & 0xff; block[63] = low & 0xff;
      compress(block, 0);
      let hex = '';
      for (let i = 0; i < 8; i++) hex += state[i]!.toString(16).padStart(8, '0');
      return hex;
    },
  };
  return hasher;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createSha256().update(data).digestHex();
}

/**
 * The Unicode scalar value at code unit i: a surrogate pair's (above 0xFFFF, so the caller skips the pair's second
 * unit), a lone surrogate as U+FFFD, as TextEncoder does.
 */
function scalarAt(text: string, i: number): number {
  const cp = text.charCodeAt(i);
  if (cp >= 0xd800 && cp <= 0xdbff) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return next >= 0xdc00 && next <= 0xdfff ? 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00) : 0xfffd;
  }
  return cp >= 0xdc00 && cp <= 0xdfff ? 0xfffd : cp;
}

/** UTF-8 bytes of a string (TextEncoder is not part of the platform-neutral type set). Lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = scalarAt(text, i);
    if (cp > 0xffff) i++;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
