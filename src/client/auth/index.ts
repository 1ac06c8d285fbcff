export { basicAuth } from './basic';
export { bearerAuth, type TokenProvider } from './bearer';
export { ntlmAuth, type NtlmCredentials } from './ntlm';
export { noAuth, type AuthSession, type AuthStrategy, type ConnectionFactory, type RoundTrip, type WireRequest, type WireResponse } from './strategy';
