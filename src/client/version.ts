/**
 * The SDK version sent in User-Agent. A constant rather than a read of package.json: the published
 * package does not ship package.json next to dist/src. test/client/version.test.ts keeps the two equal.
 */
export const SDK_VERSION = '0.1.0';
