export { EwsProxyError } from './proxy-error';
export type { ProxySetting } from './proxy-endpoint';
