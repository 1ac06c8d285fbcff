/**
 * Children run plain JavaScript: ts-node in every child would add its compiler to each start-up and
 * each RSS figure. `ts.transpileModule` gives the same output as `tsc` (the project compiles with
 * isolatedModules), without type checking; only files changed since the last run are redone.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** What the children need: the runtime, the generated descriptors and the bench itself. */
const SOURCE_DIRECTORIES = ['src', 'generated', 'bench'];

export function transpileProject(root: string, outDir: string): void {
  const options = compilerOptions(root);
  for (const directory of SOURCE_DIRECTORIES) {
    for (const source of typeScriptFiles(path.join(root, directory))) {
      const target = path.join(outDir, path.relative(root, source)).replace(/\.ts$/, '.js');
      if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) continue;
      const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), { compilerOptions: options, fileName: source });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Written aside and renamed: a bench starting meanwhile never loads half a file.
      const partial = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(partial, outputText);
      fs.renameSync(partial, target);
    }
  }
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configFile = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
  return { ...options, sourceMap: false, declaration: false };
}

function typeScriptFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('.out'));
}
