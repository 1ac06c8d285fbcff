import { inspect } from 'node:util';

/** Every way an error gets logged: none of them may show a secret. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const err = error as Error;
  const renderings = {
    message: err.message,
    stack: err.stack ?? '',
    json: JSON.stringify(err),
    inspect: inspect(err, { depth: 10, showHidden: true }),
  };
  for (const [rendering, text] of Object.entries(renderings)) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`${rendering} of ${err.name} contains the secret "${secret}":\n${text}`);
    }
  }
}

/** Awaits a promise that must reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
