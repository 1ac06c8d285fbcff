/** The part of the `debug` package we use (it ships no types). */
declare module 'debug' {
  interface Debugger {
    (formatter: string, ...args: unknown[]): void;
    readonly enabled: boolean;
  }
  function debug(namespace: string): Debugger;
  export = debug;
}
