/**
 * generated/lazy-entry.ts: what `require('typed-ews')` runs (through src/lazy-entry.ts). It defines each
 * runtime export of src/index.ts as a getter that requires the module declaring it when the export is
 * first read, so that a program calling `client.call` does not load batching, search, notifications,
 * sync, export, validation or NTLM (bench/RESULTS.md, issue 15). src/index.ts stays the one list of
 * what the package exports: this emitter reads its export declarations and resolves, for every value
 * (not type) it exports, the file that declares it and the name that file exports it under.
 *
 * Each export is an `Object.defineProperty(exports, 'Name', { enumerable: true, get: function () {
 * return module.Name; } })` statement, the getter form Node's CommonJS export detection
 * (cjs-module-lexer) recognises, so ES module consumers still import every name.
 */
import { existsSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import type { EmittedFile } from './emit';
import { ModuleKind, ModuleResolutionKind, Node, Project, ScriptTarget, type ExportDeclaration, type SourceFile } from 'ts-morph';

/** One runtime export: its public name, the file declaring it, and that file's name for it. */
interface LazyExport {
  readonly name: string;
  readonly file: SourceFile;
  readonly local: string;
  /** Named in an `export { … } from`, which wins over an `export *` of the same name, as in TypeScript. */
  readonly explicit: boolean;
}

/**
 * The entry's statements. `root` names the modules (`src/client/errors.ts` → `src_client_errors`);
 * `runtimeImport` is the path from `outDir` to src/schema; `emitted` are the generated files of this
 * run (not yet written), read instead of those on disk so that one run gives a consistent entry.
 */
export function emitLazyEntry(indexPath: string, root: string, outDir: string, runtimeImport: string, emitted: readonly EmittedFile[]): string[] {
  // Only the files that `export … from` chains reach, without their imports or the libraries: the
  // names and their declarations are all this needs (a whole-program check took 6 s).
  const project = new Project({
    compilerOptions: {
      module: ModuleKind.CommonJS, moduleResolution: ModuleResolutionKind.Node10, target: ScriptTarget.ES2022,
      noResolve: true, noLib: true, types: [],
    },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  for (const file of emitted) if (file.path.endsWith('.ts')) project.createSourceFile(file.path, file.text, { overwrite: true });
  const index = project.addSourceFileAtPath(indexPath);
  addReExportedFiles(project, index);
  const exports = uniqueByName(index.getExportDeclarations().flatMap(runtimeExports));
  const modules = [...new Set(exports.map((entry) => entry.file))];
  const specifier = (file: SourceFile) => {
    const path = relative(outDir, file.getFilePath()).split('\\').join('/').replace(/(\/index)?\.ts$/, '');
    return path.startsWith('.') ? path : `./${path}`;
  };
  const identifiers = new Map(modules.map((file) => [file, moduleIdentifier(relative(root, file.getFilePath()))]));
  return [
    `import { onFirstUse } from '${runtimeImport}/on-first-use';`,
    ...modules.map((file) => `const ${identifiers.get(file)} = onFirstUse<typeof import('${specifier(file)}')>(() => require('${specifier(file)}'));`),
    ...exports.map(({ name, file, local }) => `Object.defineProperty(exports, '${name}', { enumerable: true, get: function () { return ${identifiers.get(file)}.${local}; } });`),
  ];
}

/** Adds the files that `file`'s `export … from` declarations name, and theirs, to the project. */
function addReExportedFiles(project: Project, file: SourceFile): void {
  for (const declaration of file.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    if (declaration.isTypeOnly() || specifier === undefined || !specifier.startsWith('.')) continue;
    const base = resolve(dirname(file.getFilePath()), specifier);
    const path = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => project.getSourceFile(candidate) !== undefined || existsSync(candidate));
    if (path === undefined || project.getSourceFile(path) !== undefined) continue;
    addReExportedFiles(project, project.addSourceFileAtPath(path));
  }
}

/** The values one `export … from` of src/index.ts re-exports (none for `export type`). */
function runtimeExports(declaration: ExportDeclaration): LazyExport[] {
  const target = declaration.getModuleSpecifierSourceFile();
  if (declaration.isTypeOnly() || target === undefined) return [];
  const exported = target.getExportedDeclarations();
  const names = declaration.isNamespaceExport()
    ? [...exported.keys()].map((name) => ({ name, from: name }))
    : declaration.getNamedExports().filter((specifier) => !specifier.isTypeOnly())
      .map((specifier) => ({ name: specifier.getAliasNode()?.getText() ?? specifier.getName(), from: specifier.getName() }));
  return names.flatMap(({ name, from }) => {
    const value = (exported.get(from) ?? []).find(isValueDeclaration);
    if (value === undefined) return [];
    const file = value.getSourceFile();
    const local = [...file.getExportedDeclarations()].find(([, declarations]) => declarations.includes(value))?.[0];
    if (local === undefined) throw new Error(`lazy entry: ${name} (src/index.ts) is declared in ${file.getBaseName()}, which does not export it`);
    return [{ name, file, local, explicit: !declaration.isNamespaceExport() }];
  });
}

/** src/index.ts may export a name twice (`export { folderId }` and an `export *` that includes it). */
function uniqueByName(exports: readonly LazyExport[]): LazyExport[] {
  const byName = new Map<string, LazyExport>();
  for (const entry of exports) {
    const seen = byName.get(entry.name);
    if (seen === undefined || (entry.explicit && !seen.explicit)) byName.set(entry.name, entry);
    else if (seen.explicit === entry.explicit && (seen.file !== entry.file || seen.local !== entry.local)) {
      throw new Error(`lazy entry: src/index.ts exports two different values named ${entry.name}`);
    }
  }
  return [...byName.values()];
}

function isValueDeclaration(node: Node): boolean {
  return Node.isVariableDeclaration(node) || Node.isFunctionDeclaration(node) || Node.isClassDeclaration(node)
    || (Node.isEnumDeclaration(node) && !node.isConstEnum());
}

/** `src/client/exchange-client.ts` → `src_client_exchange_client`. */
function moduleIdentifier(path: string): string {
  return path.replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '_');
}
