/** The part of js-md4 we use (the package ships no types). */
declare module 'js-md4' {
  interface Md4 {
    arrayBuffer(message: string | ArrayBuffer | Uint8Array | readonly number[]): ArrayBuffer;
  }
  const md4: Md4;
  export = md4;
}
