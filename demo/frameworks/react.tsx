// A minimal React 19 page using the elements as a consumer of the package would.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'loyalty-widgets/define';
import type {} from 'loyalty-widgets/react';
import { configure } from 'loyalty-widgets';
import { demoSession } from './session.js';

configure(await demoSession());

function App() {
  const [code, setCode] = useState<string | null>(null);
  return (
    <main>
      <h1>React storefront</h1>
      <loyalty-balance compact onloyalty-error={(event) => console.warn(event.detail.error.code)} />
      <reward-catalog sort="cost-asc" onreward-redeemed={(event) => setCode(event.detail.redemption.code)} />
      {code && <p role="status">Code {code} applied to your cart.</p>}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
