// The demo signs in Ada through the reference API's demo endpoint; a shop's own server would
// mint the token.
import type { LoyaltyOptions } from 'loyalty-widgets';

export async function demoSession(): Promise<LoyaltyOptions> {
  const apiBase = '/api';
  const tokenProvider = async () => {
    const response = await fetch(`${apiBase}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: 'c_ada' }),
    });
    return response.ok ? ((await response.json()) as { token: string }).token : null;
  };
  return { apiBase, customerId: 'c_ada', tokenProvider };
}
