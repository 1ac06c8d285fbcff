/**
 * `npm run bench`: typed-ews against ews-javascript-api and a bare saxes floor, as ratios measured
 * in one run. A full run rewrites the generated part of bench/RESULTS.md; other runs (--quick, any
 * narrowing option) write bench/.out/results.md unless --out says otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeEnvironment } from './environment';
import { runBenchmark } from './harness';
import { parseCommandLine, USAGE } from './options';
import { profileCell } from './profile';
import { renderReport } from './report';
import { replaceGeneratedSection } from './results-file';
import { runValidationBenchmark } from './validation';
import { runValidationBreakdown, runValidationComparison } from './validation-breakdown';

const ROOT = path.resolve(__dirname, '..');
const log = (line: string): void => { process.stderr.write(`${line}\n`); };

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--validation-compare')) {
    await runValidationComparison(argv);
    return;
  }
  if (argv.includes('--validation-breakdown')) {
    await runValidationBreakdown(argv);
    return;
  }
  if (argv.includes('--validation')) {
    await runValidationBenchmark(argv);
    return;
  }
  const commandLine = parseCommandLine(argv);
  if (commandLine.profile) {
    process.stdout.write(`${await profileCell(commandLine.profile, ROOT, log)}\n`);
    return;
  }
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const results = await runBenchmark({ ...commandLine.options, log }, ROOT);
  const report = renderReport({ results, environment: describeEnvironment(ROOT), command, rounds: commandLine.options.rounds });
  process.stdout.write(`${report}\n`);
  if (commandLine.out === undefined && commandLine.fullPlan) {
    replaceGeneratedSection(path.join(ROOT, 'bench', 'RESULTS.md'), report);
    log('bench/RESULTS.md updated (generated section)');
  } else {
    const out = path.resolve(commandLine.out ?? path.join(ROOT, 'bench', '.out', 'results.md'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${report}\n`);
    log(`report written to ${path.relative(process.cwd(), out)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  log(USAGE);
  process.exitCode = 1;
});
