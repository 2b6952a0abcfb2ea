// Builds the package into bench/.out/ with the repo's own vite.config.ts (both modes), so the
// bench measures what `npm run build` ships without touching dist/, which others build into.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { build, type InlineConfig } from 'vite';

export const outDir = 'bench/.out';
export const npmDir = `${outDir}/dist/npm`;
export const cdnDir = `${outDir}/dist/cdn`;

const quiet: InlineConfig = { configFile: 'vite.config.ts', logLevel: 'warn' };

export async function buildPackage(): Promise<void> {
  rmSync(`${outDir}/dist`, { recursive: true, force: true });
  await build({ ...quiet, mode: 'production', build: { outDir: npmDir, emptyOutDir: true } });
  // The manifest (same JavaScript output) names the source of each hashed chunk for the table.
  await build({ ...quiet, mode: 'cdn', build: { outDir: cdnDir, emptyOutDir: true, manifest: true } });
}

interface ManifestEntry {
  file: string;
  name?: string;
}

/** What code a hashed chunk holds, from the manifest key: "src/components/loyalty-balance/define.ts" → "<loyalty-balance>". */
function labelOf(key: string, entry: ManifestEntry): string {
  const element = /components\/([^/]+)\/define\.ts$/.exec(key)?.[1];
  if (element) return `<${element}>`;
  const language = /i18n\/locales\/([^/]+)\.ts$/.exec(key)?.[1];
  if (language) return `language ${language}`;
  // A dependency (the key may be a relative path when node_modules is a symlink).
  const dependency = /node_modules\/(.+?)\.m?js$/.exec(key)?.[1];
  if (dependency) return dependency;
  if (key === 'src/cdn.ts') return 'entry';
  const shared: Record<string, string> = {
    shared: 'shared: SDK core',
    ui: 'ui: Lit, element base',
    network: 'network: ky, HTTP client',
    survey: 'survey: rules, trigger, outbox',
    referral: 'referral capture',
  };
  return shared[entry.name ?? ''] ?? `shared ${entry.name ?? key}`;
}

export function chunkLabels(): Map<string, string> {
  const path = `${cdnDir}/.vite/manifest.json`;
  if (!existsSync(path)) return new Map();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestEntry>;
  return new Map(Object.entries(manifest).map(([key, entry]) => [entry.file, labelOf(key, entry)]));
}
