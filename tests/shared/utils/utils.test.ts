import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32, seedFromString } from '../../../shared/utils/prng';
import { sampleGamma, samplePoisson, sampleStandardNormal } from '../../../shared/utils/distributions';
import { createSha256, sha256Hex, utf8Encode } from '../../../shared/utils/sha256';
import { hashJson, stableStringify } from '../../../shared/utils/stable-json';
import { formatAgeBand, parseAgeBand } from '../../../shared/utils/age-band';
import { parsePeriod } from '../../../shared/utils/period';
import { foldText } from '../../../shared/utils/text';

describe('mulberry32', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('equals the published algorithm (bryc, PRNGs.md) for any seed', () => {
    // The reference as published, kept verbatim in spirit: state grows unbounded, ToInt32 wraps it.
    function reference(seed: number): () => number {
      let a = seed;
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (seed) => {
        const ours = mulberry32(seed);
        const theirs = reference(seed);
        for (let i = 0; i < 20; i++) expect(ours()).toBe(theirs());
      }),
    );
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = mulberry32(seedFromString('uniformity'));
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // Standard error of the mean: sqrt(1/12 / 1e5) ≈ 0.0009.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.004);
  });

  it('seedFromString is a stable 32-bit FNV-1a hash', () => {
    expect(seedFromString('')).toBe(0x811c9dc5);
    expect(seedFromString('a')).toBe(0xe40c292c);
    expect(seedFromString('demo@1')).toBe(seedFromString('demo@1'));
    expect(seedFromString('demo@1')).not.toBe(seedFromString('demo@2'));
  });
});

describe('distribution samplers', () => {
  const moments = (draw: () => number, n: number) => {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    return { mean, variance: squares / n - mean * mean };
  };

  it('normal: mean 0, variance 1', () => {
    const random = mulberry32(1);
    const { mean, variance } = moments(() => sampleStandardNormal(random), 100_000);
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it.each([
    [0.5, 2],
    [2, 0.5],
    [16, 3],
  ])('gamma(shape %d, rate %d): mean shape/rate, variance shape/rate²', (shape, rate) => {
    const random = mulberry32(2);
    const { mean, variance } = moments(() => sampleGamma(random, shape, rate), 100_000);
    expect(mean).toBeCloseTo(shape / rate, 1);
    expect(Math.abs(variance / (shape / rate ** 2) - 1)).toBeLessThan(0.05);
  });

  it.each([0.3, 4, 75, 1234.5])('poisson(%d): mean and variance equal the parameter', (lambda) => {
    const random = mulberry32(3);
    const { mean, variance } = moments(() => samplePoisson(random, lambda), 50_000);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 50_000));
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
  });

  it('rejects impossible parameters', () => {
    const random = mulberry32(4);
    expect(() => sampleGamma(random, 0, 1)).toThrow(RangeError);
    expect(() => samplePoisson(random, -1)).toThrow(RangeError);
    expect(samplePoisson(random, 0)).toBe(0);
  });
});

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals node:crypto for any bytes, however they are split into updates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 4 }), (bytes, cuts) => {
        const hasher = createSha256();
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const to = Math.min(cut, bytes.length);
          if (to > from) hasher.update(bytes.subarray(from, to));
          from = Math.max(from, to);
        }
        hasher.update(bytes.subarray(from));
        expect(hasher.digestHex()).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('encodes text as UTF-8 like TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
    );
    expect(sha256Hex('Skåne län')).toBe(createHash('sha256').update('Skåne län', 'utf8').digest('hex'));
  });

  it('hashes text given in any pieces, mixed with bytes, as node:crypto hashes the pieces\' UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 90 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 80 })), { maxLength: 6 }), (pieces) => {
        const hasher = createSha256();
        const reference = createHash('sha256');
        for (const piece of pieces) {
          hasher.update(piece);
          // Each text piece on its own, as TextEncoder encodes it (a surrogate pair cut between pieces is two U+FFFD).
          reference.update(typeof piece === 'string' ? new TextEncoder().encode(piece) : piece);
        }
        expect(hasher.digestHex()).toBe(reference.digest('hex'));
      }),
    );
  });
});

describe('stableStringify and hashJson', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(hashJson({ x: 1, y: 2 })).toBe(hashJson({ y: 2, x: 1 }));
    expect(hashJson({ x: 1 })).not.toBe(hashJson({ x: 2 }));
  });

  it('agrees with JSON.parse for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('writes the same text as a plain recursive writer (sorted keys, undefined members dropped, undefined items null)', () => {
    // Written independently of the code under test: arrays of pieces joined at each level.
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      return `{${Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
    };
    const withUndefined = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(fc.option(tie('value'), { nil: undefined }), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.option(tie('value'), { nil: undefined }), { maxKeys: 5 })),
    })).value;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withUndefined), (value) => {
        expect(stableStringify(value)).toBe(reference(value));
      }),
    );
  });

  it('gives the same text again for what JSON.parse reads back from its text (a snapshot hashes the text it copied from)', () => {
    const again = (value: unknown) => stableStringify(JSON.parse(stableStringify(value)));
    // Awkward values: negative zero, large and tiny numbers, integer-like and prototype-named keys (in any order),
    // lone surrogates, undefined members and items, dates and other objects (their own keys only, as JSON sees them).
    const awkward: unknown[] = [
      -0,
      [1e21, 5e-324, -1.5e-7, 2 ** 53 + 2],
      { 10: 'a', 2: 'b', '-1': 'c', '01': 'd', b: 1, a: 2 },
      JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}'),
      { text: 'lone \ud800 and \udfff, "quoted" \\ \u0000 \u2028 åäö 𝔒' },
      { gone: undefined, items: [undefined, null, 1] },
      { at: new Date('2026-03-14T09:30:00Z'), map: new Map([[1, 2]]) },
    ];
    for (const value of awkward) expect(again(value)).toBe(stableStringify(value));
    const withUndefined = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.double(), fc.array(fc.option(tie('value'), { nil: undefined }), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.option(tie('value'), { nil: undefined }), { maxKeys: 5 })),
    })).value;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withUndefined), (value) => {
        let text: string;
        try {
          text = stableStringify(value);
        } catch {
          return; // not JSON (a non-finite number): refused, nothing to hash
        }
        expect(stableStringify(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('refuses values that are not JSON', () => {
    expect(() => stableStringify(Number.NaN)).toThrow(TypeError);
    expect(() => stableStringify(new Float64Array(2))).toThrow(TypeError);
  });
});

describe('parseAgeBand', () => {
  it.each([
    ['0-4', { kind: 'band', min: 0, max: 4 }, '0-4'],
    ['0–4', { kind: 'band', min: 0, max: 4 }, '0-4'],
    ['0\u00ad19', { kind: 'band', min: 0, max: 19 }, '0-19'],
    ['0 - 4 år', { kind: 'band', min: 0, max: 4 }, '0-4'],
    ['85+', { kind: 'band', min: 85, max: null }, '85+'],
    ['85+ år', { kind: 'band', min: 85, max: null }, '85+'],
    ['90–', { kind: 'band', min: 90, max: null }, '90+'],
    ['85 år och äldre', { kind: 'band', min: 85, max: null }, '85+'],
    ['85 years and over', { kind: 'band', min: 85, max: null }, '85+'],
    ['0 years', { kind: 'band', min: 0, max: 0 }, '0'],
    ['1 year', { kind: 'band', min: 1, max: 1 }, '1'],
    ['100+ years', { kind: 'band', min: 100, max: null }, '100+'],
    ['Totalt', { kind: 'all' }, 'all'],
    ['Samtliga', { kind: 'all' }, 'all'],
    ['Alla åldrar', { kind: 'all' }, 'all'],
    ['all', { kind: 'all' }, 'all'],
  ])('%j', (raw, band, label) => {
    expect(parseAgeBand(raw)).toEqual(band);
    expect(formatAgeBand(parseAgeBand(raw)!)).toBe(label);
  });

  it.each(['', 'X', '4-0', '-4', '10-200', 'ålder', '5 to 9'])('rejects %j', (raw) => {
    expect(parseAgeBand(raw)).toBeNull();
  });

  it('canonical labels parse back to the same band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 10 })), (min, width) => {
        const band = { kind: 'band' as const, min, max: width === null ? null : min + width };
        expect(parseAgeBand(formatAgeBand(band))).toEqual(band);
      }),
    );
  });
});

describe('parsePeriod', () => {
  it('reads years, quarters, months, ISO weeks and days', () => {
    expect(parsePeriod('2021')).toMatchObject({ years: 1 });
    expect(parsePeriod('2021-Q2')).toMatchObject({ years: 0.25 });
    expect(parsePeriod('2021-03')).toMatchObject({ years: 1 / 12 });
    expect(parsePeriod('2021-W07')).toMatchObject({ years: 7 / 365.25 });
    expect(parsePeriod('2021-03-15')).toMatchObject({ years: 1 / 365.25 });
    const year = parsePeriod('2021')!;
    const march = parsePeriod('2021-03')!;
    expect(march.startDay).toBeGreaterThanOrEqual(year.startDay);
    expect(march.endDay).toBeLessThanOrEqual(year.endDay);
    expect(year.endDay - year.startDay + 1).toBe(365);
    expect(parsePeriod('2020')!.endDay - parsePeriod('2020')!.startDay + 1).toBe(366);
  });

  it('places ISO week 1 in the week of 4 January', () => {
    // 2021-W01 runs Monday 4 January to Sunday 10 January 2021; 2020 has 53 weeks, 2021 has 52.
    expect(new Date(parsePeriod('2021-W01')!.startDay * 86_400_000).toISOString().slice(0, 10)).toBe('2021-01-04');
    expect(parsePeriod('2020-W53')).not.toBeNull();
    expect(parsePeriod('2021-W53')).toBeNull();
  });

  it.each(['', '21', '2021-13', '2021-02-30', '2021-Q5', 'år 2021'])('rejects %j', (raw) => {
    expect(parsePeriod(raw)).toBeNull();
  });
});

describe('foldText', () => {
  it('folds case, diacritics, NBSP and soft hyphens', () => {
    expect(foldText('  Västra\u00a0Götalands  LÄN ')).toBe('vastra gotalands lan');
    expect(foldText('Ö\u00adrebro')).toBe('orebro');
  });
});
