/**
 * Type helpers for hand-written code that uses what only newer Exchange releases have. `npm run codegen
 * -- --schemas DIR` may build generated/ from an older release's schema, which lacks those types and
 * properties; through these helpers such uses become `never` instead of compile errors, and the
 * version check (src/versions/) keeps them out of requests to a release that lacks them.
 */
import type { ElementTypes } from '../../generated/elements';
import type { OperationName } from '../../generated/operations';

/** `T[K]` without `undefined` when this schema's T has property K, else `never`. */
export type PropertyOf<T, K extends PropertyKey> = K extends keyof T ? NonNullable<T[K]> : never;

/** The value type of the global element K (`t:DateTimePrecision`), or `never` when this schema lacks it. */
export type ElementValue<K extends string> = K extends keyof ElementTypes ? ElementTypes[K] : never;

/** T plus its optional properties K, typed `never` where this schema's T lacks them (so code may read them). */
export type WithNewer<T, K extends PropertyKey> = T & { [P in Exclude<K, keyof T>]?: never };

/** The operation name K when this schema has that operation, else `never` (the client refuses an operation its schema lacks). */
export type OperationOf<K extends string> = K extends OperationName ? K : never;

/**
 * The generated type T, which only newer releases have. In an SDK generated from an older release's
 * schema T is `never`, and code that reads it (a newer operation's answer, which that SDK never sends
 * nor serves) gets `any` instead, since reading a property of `never` does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NewerType<T> = [T] extends [never] ? any : T;
