/**
 * `npm run package` (npx tsx scripts/package-app.ts [--out DIR]): builds the Teams / Microsoft 365
 * app package from the environment (see manifest/config.ts) and prints the zip's path on stdout,
 * nothing else, so a script can take it: `ZIP=$(npm run --silent package)`.
 *
 * Settings: APP_BASE_URL, TEAMS_APP_ID, BOT_APP_ID, ADDIN_APP_ID, APP_VERSION, PUBLISHER_NAME,
 * PUBLISHER_WEBSITE_URL, PRIVACY_URL, TERMS_OF_USE_URL. A bad setting exits with code 2 and one line
 * on stderr; ids left at their demo value give a warning on stderr.
 */
import path from 'node:path';
import { buildAppPackage } from '../manifest/build';
import { loadPackageConfig, PackageConfigError, repositoryRoot } from '../manifest/config';

function outDirFrom(argv: string[]): string {
  const i = argv.indexOf('--out');
  if (i === -1) return path.join(repositoryRoot, 'dist', 'appPackage');
  const dir = argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new PackageConfigError('Usage: package-app [--out DIR]');
  return path.resolve(dir);
}

async function main(): Promise<void> {
  const config = loadPackageConfig(process.env);
  const outDir = outDirFrom(process.argv.slice(2));
  if (config.demoIds.length > 0) {
    console.error(
      `Warning: ${config.demoIds.join(', ')} not set: demo ids used. Fine for a local package; set them for production (infra/DEPLOYMENT.md).`,
    );
  }
  const built = await buildAppPackage(config, outDir);
  console.log(built.zipPath);
}

main().catch((error: unknown) => {
  if (error instanceof PackageConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
