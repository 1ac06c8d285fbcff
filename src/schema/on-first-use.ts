/**
 * A stand-in for a module that requires it when one of its properties is first read: what the package
 * entry (src/lazy-entry.ts) and generated/enum-values.ts re-export from, so that loading them loads
 * nothing else, and how ItemBatches reaches each operation's module.
 */
export function onFirstUse<Module extends object>(load: () => Module): Module {
  let loaded: Module | undefined;
  return new Proxy({} as Module, { get: (_target, key) => Reflect.get((loaded ??= load()), key) });
}
