/**
 * ews-javascript-api refuses to send without credentials, so every client sends the same Basic
 * header (the canned server ignores it). A made-up account: nothing here is a secret.
 */
export const BENCH_USER = 'bench@contoso.com';
export const BENCH_PASSWORD = 'not-a-secret';
