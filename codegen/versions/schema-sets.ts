/**
 * The schema sets the version facts are computed from: every folder of schemas/versions/ plus the set
 * being generated, each compiled by the same pipeline as the SDK itself, ordered by the newest
 * ExchangeVersionType its own schema declares.
 */
import { existsSync, readdirSync, realpathSync } from 'fs';
import { basename, join } from 'path';
import type { OperationDesc, SchemaSet } from '../../src/schema/descriptors';
import { compileSchemaDir } from '../compile-schema';
import { doubtfulSets } from './overlay';

export interface ComparedSet {
  readonly name: string;
  readonly dir: string;
  readonly schema: SchemaSet;
  /** Newest ExchangeVersionType value of the set. */
  readonly version: string;
  readonly versionValues: readonly string[];
  /** Operations inferred from request/response elements (the set has no services.wsdl). */
  readonly inferredOperations: boolean;
}

/** A compared (not generated) set; one without services.wsdl is compared by the operations other sets declare (version-facts.ts). */
export function compileSetDir(dir: string): { schema: SchemaSet; inferredOperations: boolean } {
  const key = realpathSync(dir);
  let compiled = compiledSets.get(key);
  if (!compiled) {
    const { schema, inferredOperations } = compileSchemaDir(dir);
    compiled = { schema, inferredOperations: inferredOperations !== undefined };
    compiledSets.set(key, compiled);
  }
  return compiled;
}

/**
 * Compared sets by folder, compiled once per process: regenerating several sets in one run (the
 * regenerate test) compares each with the same others. The set folders are data that does not change while it runs.
 */
const compiledSets = new Map<string, { schema: SchemaSet; inferredOperations: boolean }>();

/** The folders of `versionsDir` that hold a schema set, plus `extra` ones. */
export function setDirs(versionsDir: string, extra: readonly string[] = []): string[] {
  const dirs = existsSync(versionsDir)
    ? readdirSync(versionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(versionsDir, d.name))
    : [];
  return [...dirs, ...extra];
}

/**
 * The sets in `dirs` and the generated set `targetDir` (once, if it is one of them), oldest first. The
 * target is compiled last, by `compileTarget`, which gets the operations the other sets' WSDLs declare.
 */
export function loadComparedSets(
  dirs: readonly string[],
  targetDir: string,
  compileTarget: (knownOperations: readonly OperationDesc[]) => { schema: SchemaSet; inferredOperations: boolean },
): ComparedSet[] {
  const targetReal = realpathSync(targetDir);
  const setFolders = dirs.filter((d) => existsSync(join(d, 'types.xsd')));
  const others = setFolders.filter((d) => realpathSync(d) !== targetReal).map((dir) => {
    const compiled = compileSetDir(dir);
    return described(basename(dir), dir, compiled.schema, compiled.inferredOperations);
  });
  const order = longestVersionList(others);
  const known = [...others].sort((a, b) => order.indexOf(a.version) - order.indexOf(b.version))
    .filter((s) => !s.inferredOperations).flatMap((s) => Object.values(s.schema.operations));
  const compiledTarget = compileTarget(known);
  const target = described(basename(targetDir), targetDir, compiledTarget.schema, compiledTarget.inferredOperations);
  // The target keeps its folder's place among the sets (or comes last): equal releases keep folder order.
  const position = setFolders.findIndex((d) => realpathSync(d) === targetReal);
  const sets = [...others];
  sets.splice(position < 0 ? sets.length : position, 0, target);
  const versions = longestVersionList(sets);
  return sets.map((s, i) => ({ s, i })).sort((a, b) => versions.indexOf(a.s.version) - versions.indexOf(b.s.version) || a.i - b.i).map(({ s }) => s);
}

function described(name: string, dir: string, schema: SchemaSet, inferredOperations: boolean): ComparedSet {
  const versionType = schema.types.ExchangeVersionType;
  const versionValues = versionType?.kind === 'simple' ? versionType.enum ?? [] : [];
  if (!versionValues.length) throw new Error(`${dir}: no ExchangeVersionType enumeration; cannot tell which release it is`);
  return { name, dir, schema, version: versionValues[versionValues.length - 1], versionValues, inferredOperations };
}

/** Every ExchangeVersionType value, oldest first: the longest list (later schemas only append). */
export function longestVersionList(sets: readonly ComparedSet[]): readonly string[] {
  return sets.reduce<readonly string[]>((longest, s) => (s.versionValues.length > longest.length ? s.versionValues : longest), []);
}

export const doubtOf = (set: ComparedSet) => doubtfulSets[set.name];
