import fc from 'fast-check'

// Hostile values for the fuzz test: what an attacker types into a field, a query string or a JSON
// body. Kept free of the exact texts the response checks look for (see checks.ts), so an echoed
// value is never mistaken for a leaked error.

/** Strings chosen by hand: the ones that broke things before, and the classic attack shapes. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  ' \t\r\n ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\uffff',
  '\ufeffbom',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '💥🔩',
  '€',
  '\u0001\u001f\u007f',
  '\r\nSet-Cookie: fuzz=1',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999999999',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  "' OR '1'='1",
  "1'; DROP TABLE users; --",
  '%',
  '_%_',
  '\\',
  '$1',
  '$$',
  ':name',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text
  '${7*7}',
  'javascript:alert(1)',
  '//evil.example',
  '/\\evil.example',
  'https://evil.example/',
  '/account?x=€',
  '------------------------------------',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '{00000000-0000-0000-0000-000000000000}',
  '00000000000000000000000000000000',
  'gggggggg-gggg-gggg-gggg-gggggggggggg',
  '00000000-0000-0000-0000-0000000000000',
  'a@b',
  'fuzz@example.test',
  `${'a'.repeat(300)}@example.test`,
  '+919876543210',
  '27AABCU9603R1ZM',
  'a'.repeat(256),
  'x'.repeat(5_000),
  'é'.repeat(3_000),
  '🔩'.repeat(2_000),
]

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'z'.repeat(n)) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
)

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    1e308,
    -1e308,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.maxSafeInteger(),
)

/** A JSON value of the wrong shape: what arrives where a scalar was expected, or the other way. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('a', 'id', '__proto__', 'constructor', '$gt'), hostileString),
  },
  { weight: 1, arbitrary: fc.constant(deepNesting(200)) },
)

function deepNesting(depth: number): unknown {
  let value: unknown = 'deep'
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** Percent-encoded text that no decoder accepts cleanly, for paths and query strings. */
export const rawUrlJunk: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%%',
  '%zz',
  '%G0',
  '%00',
  '%C0%80',
  '%ED%A0%80',
  '%ED%B0%80x',
  '%FF%FE',
  '%E2%82',
  '%E2%82%AC',
  '%2e%2e%2f%2e%2e%2f',
  '..%5c..%5c',
  '%252e%252e%252f',
  '%0d%0aX-Fuzz:%201',
  '%u0000',
  '+++',
  '&&&=',
  '===',
  '%26%3D',
)
