/**
 * What the writer reports, when asked, about each element it writes: its qualified name and the
 * step of the caller's object that produced it (`Items`, `[2]`, `Subject`). Validation uses it to
 * name the property behind a schema error; writing without a trace costs nothing.
 */
export interface WriteTrace {
  /**
   * An element starts; `step` is `Prop` or `[index]`, absent for the document root and SOAP parts;
   * `offset` is where its `<` is in the output, in characters.
   */
  enter(qname: string, step: string | undefined, offset: number): void;
  exit(): void;
}
