/**
 * generated/enum-values.ts: the `…Values` constants of the namespace files (types.ts, messages.ts) as
 * getters that require their file when one is first read. The package entry (src/lazy-entry.ts)
 * re-exports this file, so that `require('typed-ews')` loads neither namespace file until a program
 * reads one of these constants. The names are the schema's, so only the generator lists them.
 *
 * Each is an `Object.defineProperty(exports, 'Name', { enumerable: true, get: function () { return
 * ns.Name; } })` statement, the getter form Node's CommonJS export detection (cjs-module-lexer)
 * recognises: ES module consumers still import them by name.
 */
import type { SchemaSet } from '../../src/schema/descriptors';

export function enumValueGetters(schema: SchemaSet, namespaces: readonly string[], fileOf: (ns: string) => string, runtimeImport: string): string[] {
  const enumTypes = (ns: string) => Object.values(schema.types).filter((type) => type.ns === ns && type.kind === 'simple' && type.enum).map((type) => type.name);
  const used = namespaces.filter((ns) => enumTypes(ns).length > 0);
  return [
    `import { onFirstUse } from '${runtimeImport}/on-first-use';`,
    ...used.map((ns) => `const ${ns} = onFirstUse<typeof import('./${fileOf(ns)}')>(() => require('./${fileOf(ns)}'));`),
    ...used.flatMap((ns) => enumTypes(ns).map((name) => `Object.defineProperty(exports, '${name}Values', { enumerable: true, get: function () { return ${ns}.${name}Values; } });`)),
  ];
}
