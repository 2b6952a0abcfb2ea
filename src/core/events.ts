// The SDK's own event bus: `on()` handlers hear events even when no element is on the page.
export type Handler = (detail: unknown) => void;

export function createBus() {
  const handlers = new Map<string, Set<Handler>>();
  return {
    on(name: string, handler: Handler): () => void {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },
    off(name: string, handler: Handler): void {
      handlers.get(name)?.delete(handler);
    },
    emit(name: string, detail: unknown): void {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        // A merchant's handler that throws must not break the widgets or other handlers.
        try {
          handler(detail);
        } catch (error) {
          console.error(`[loyalty-widgets] a handler for "${name}" threw`, error);
        }
      }
    },
  };
}
