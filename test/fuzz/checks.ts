// What a fuzzed response must never show: a server error, a stack trace, SQL or a database error
// message, or an internal error code. A text the request itself carried is not counted when the
// response echoes it back (a search page shows the words searched for).

const leaks: { name: string; pattern: RegExp }[] = [
  { name: 'stack trace', pattern: /\n\s+at [^\n]*:\d+:\d+\)?/ },
  { name: 'source position', pattern: /\.tsx?:\d+(?::\d+)?/ },
  { name: 'node internals', pattern: /node:internal\// },
  {
    name: 'SQL text',
    pattern: /\b(?:select\s+(?:"|\*|count\()|insert into\s+"|update\s+"\w+"\s+set|delete from\s+")/i,
  },
  { name: 'failed query', pattern: /Failed query/i },
  {
    name: 'SQL error',
    pattern:
      /syntax error at or near|violates (?:\w+[ -])*constraint|relation "|invalid input syntax for|out of range for type|invalid byte sequence for encoding|unterminated quoted|current transaction is aborted/i,
  },
  {
    name: 'SQLSTATE',
    pattern:
      /\b(?:22P02|22P05|22003|22001|22021|22007|22008|23502|23503|23505|23514|40001|40P01|42601|42703|42P01|42883|54000|57014)\b/,
  },
  { name: 'Fastify code', pattern: /\bFST_[A-Z_]+/ },
  { name: 'Node error code', pattern: /\bERR_[A-Z][A-Z_]{3,}/ },
  {
    name: 'exception name',
    pattern:
      /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|ZodError|DrizzleQueryError|DatabaseError):/,
  },
]

export interface Problem {
  kind: string
  detail: string
}

/** The problems with one response; `sent` is everything the request carried (URL and body). */
export function responseProblems(status: number, body: string, sent: string): Problem[] {
  const problems: Problem[] = []
  if (status >= 500) problems.push({ kind: `status ${status}`, detail: body.slice(0, 300) })
  for (const { name, pattern } of leaks) {
    const found = pattern.exec(body)
    if (!found) continue
    // Echoes of the request's own text are not leaks (the check runs on raw and decoded forms).
    if (sent.includes(found[0]) || sent.toLowerCase().includes(found[0].toLowerCase())) continue
    const at = found.index
    problems.push({ kind: name, detail: body.slice(Math.max(0, at - 80), at + 120) })
  }
  return problems
}
