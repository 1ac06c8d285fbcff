/**
 * A stand-in for a module that requires it when one of its properties is first read: what the package
 * entry (generated/lazy-entry.ts) re-exports from, so that loading the entry loads nothing else, how
 * ItemBatches reaches each operation's module, and how client/node-builtins.ts loads node:https,
 * node:tls and node:zlib.
 */
export function onFirstUse<Module extends object>(load: () => Module): Module {
  let loaded: Module | undefined;
  return new Proxy({} as Module, { get: (_target, key) => Reflect.get((loaded ??= load()), key) });
}
