/**
 * Maps what xmllint prints for a batch of documents back to each document.
 *
 * xmllint writes to stderr, per input file and in input order: error lines `name:line: message`
 * (a parser error is followed by unprefixed lines quoting the source and a caret), then a verdict
 * `name validates` or `name fails to validate`. A document that is not well-formed gets no verdict.
 * Schema compiler warnings come first, prefixed with a schema file name; they belong to no document.
 */

export interface DocumentVerdict {
  readonly valid: boolean;
  readonly errors: string[];
}

const ERROR_LINE = /^(\S+?):(\d+): (.*)$/;
const VERDICT_LINE = /^(\S+) (validates|fails to validate)$/;

/**
 * Reads xmllint's stderr for the given input file names (which must contain no whitespace).
 * A document counts as valid only with a `validates` verdict and no error lines of its own.
 */
export function parseXmllintOutput(stderr: string, fileNames: readonly string[]): DocumentVerdict[] {
  const byName = new Map<string, { verdict?: boolean; errors: string[] }>();
  for (const name of fileNames) byName.set(name, { errors: [] });

  // Unprefixed lines continue the previous error (quoted source, or a message spanning lines).
  let lastErrors: string[] | undefined;
  for (const line of stderr.split('\n')) {
    if (line === '') continue;
    const error = ERROR_LINE.exec(line);
    const errorDoc = error && byName.get(error[1]);
    if (error && errorDoc) {
      errorDoc.errors.push(`line ${error[2]}: ${error[3]}`);
      lastErrors = errorDoc.errors;
      continue;
    }
    const verdict = VERDICT_LINE.exec(line);
    const verdictDoc = verdict && byName.get(verdict[1]);
    if (verdict && verdictDoc) {
      verdictDoc.verdict = verdict[2] === 'validates';
      lastErrors = undefined;
      continue;
    }
    if (lastErrors && lastErrors.length > 0) lastErrors[lastErrors.length - 1] += `\n${line}`;
  }

  return fileNames.map((name) => {
    const { verdict, errors } = byName.get(name)!;
    if (verdict === undefined && errors.length === 0) errors.push('xmllint reported no verdict for this document');
    return { valid: verdict === true && errors.length === 0, errors };
  });
}
