/**
 * Type helpers for hand-written code that uses what only newer Exchange releases have. `npm run codegen
 * -- --schemas DIR` may build generated/ from an older release's schema, which lacks those types and
 * properties; through these helpers such uses become `never` instead of compile errors, and the
 * version check (src/versions/) keeps them out of requests to a release that lacks them.
 */
import type { ElementTypes } from '../../generated/elements';

/** `T[K]` without `undefined` when this schema's T has property K, else `never`. */
export type PropertyOf<T, K extends PropertyKey> = K extends keyof T ? NonNullable<T[K]> : never;

/** The value type of the global element K (`t:DateTimePrecision`), or `never` when this schema lacks it. */
export type ElementValue<K extends string> = K extends keyof ElementTypes ? ElementTypes[K] : never;

/** T plus its optional properties K, typed `never` where this schema's T lacks them (so code may read them). */
export type WithNewer<T, K extends PropertyKey> = T & { [P in Exclude<K, keyof T>]?: never };
