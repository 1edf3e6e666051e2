/** Jest global teardown: stops the Azurite of azurite-global-setup.ts (same process, same globals). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__AZURITE__?.stop();
  globalThis.__AZURITE__ = undefined;
}
