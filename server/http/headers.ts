// Small header helpers shared by CORS and conditional GETs.

/** Adds names to Vary without repeating any already there. */
export function appendVary(headers: Headers, ...names: string[]): void {
  const current = (headers.get('Vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const lower = new Set(current.map((name) => name.toLowerCase()));
  for (const name of names) {
    if (!lower.has(name.toLowerCase())) {
      current.push(name);
      lower.add(name.toLowerCase());
    }
  }
  headers.set('Vary', current.join(', '));
}
