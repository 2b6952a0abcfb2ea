// Test-runner side of the browser tests: mounts the reference API (isolated scopes per test at
// /api/s/<scope>/...), serves it from a second origin for CORS tests, and offers commands that
// only the browser driver can do (permissions, the accessibility tree a screen reader reads).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { loadProgramFile, spendTiersProgramPath } from '../../server/load-program.ts';
import { createTestHost } from '../../server/test-host.ts';

// Scopes named `spend-…` run the spend-tiers program (tiers by money spent, in euros).
const host = createTestHost({
  secret: 'test-secret-not-for-production',
  scopePrograms: { spend: await loadProgramFile(spendTiersProgramPath) },
});
const listener = getRequestListener((request) => host.fetch(request));

interface KoaContext {
  path: string;
  req: import('node:http').IncomingMessage;
  res: import('node:http').ServerResponse;
  respond?: boolean;
}

export async function apiMiddleware(ctx: KoaContext, next: () => Promise<unknown>) {
  if (!ctx.path.startsWith('/api/')) return next();
  ctx.respond = false;
  await listener(ctx.req, ctx.res);
}

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { browser: { getPage(id: string): PuppeteerPage }; id: string };
}
interface PuppeteerPage {
  url(): string;
  browserContext(): {
    overridePermissions(origin: string, permissions: string[]): Promise<void>;
    clearPermissionOverrides(): Promise<void>;
  };
  bringToFront(): Promise<void>;
  createCDPSession(): Promise<{
    send(method: 'Accessibility.getFullAXTree'): Promise<{ nodes: AXNode[] }>;
    detach(): Promise<void>;
  }>;
}

/** The part of a Chrome DevTools Protocol accessibility node read here. */
interface AXNode {
  nodeId: string;
  ignored: boolean;
  name?: { value?: string };
  role?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
  childIds?: string[];
}

/**
 * The text of every live region a screen reader can hear now, as the browser's accessibility tree
 * has it: content made inert (outside an open modal dialog) is not in it.
 */
async function liveRegionTexts(page: PuppeteerPage): Promise<string[]> {
  const session = await page.createCDPSession();
  const { nodes } = await session
    .send('Accessibility.getFullAXTree')
    .finally(() => session.detach().catch(() => undefined));
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const text = (node: AXNode | undefined): string =>
    !node || node.ignored
      ? ''
      : node.role?.value === 'StaticText'
        ? (node.name?.value ?? '')
        : (node.childIds ?? []).map((id) => text(byId.get(id))).join('');
  return nodes
    .filter(
      (node) =>
        !node.ignored &&
        node.properties?.some(
          ({ name, value }) => name === 'live' && ['polite', 'assertive'].includes(String(value.value)),
        ),
    )
    .map(text);
}

export function testCommandsPlugin() {
  let secondOrigin: Server | undefined;
  return {
    name: 'loyalty-test-commands',
    async serverStart() {
      secondOrigin = createServer((request, response) => void listener(request, response));
      await new Promise<void>((done) => secondOrigin!.listen(0, '127.0.0.1', done));
    },
    async serverStop() {
      await new Promise((done) => secondOrigin?.close(done));
    },
    async executeCommand({ command, payload, session }: CommandArgs) {
      if (command === 'api-second-origin') {
        const { port } = secondOrigin!.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
      }
      if (command === 'live-region-texts') return liveRegionTexts(session.browser.getPage(session.id));
      if (command === 'set-clipboard-permission') {
        const page = session.browser.getPage(session.id);
        const context = page.browserContext();
        await context.clearPermissionOverrides();
        // Granting lists the clipboard permissions; refusing overrides with none, which denies them.
        const { granted } = payload as { granted: boolean };
        const permissions = granted ? ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] : [];
        await context.overridePermissions(new URL(page.url()).origin, permissions);
        await page.bringToFront();
        return true;
      }
      return undefined;
    },
  };
}
