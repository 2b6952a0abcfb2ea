// The demo storefront's shared script: registers every element, signs in the chosen demo
// shopper through the reference API's demo endpoint, and draws the header.
import '../src/define.js';
import { configure, identify, logout } from '../src/index.js';

const customers = [
  { id: 'c_ada', label: 'Ada (Silver)' },
  { id: 'c_bob', label: 'Bob (Bronze)' },
  { id: '', label: 'Guest' },
];
const apiBase = '/api';
const stored = localStorage.getItem('demo-customer');
const customerId = stored ?? 'c_ada';

/** In a real shop the merchant's server mints this token; the demo asks the reference API. */
async function tokenFor(id: string): Promise<string | null> {
  const response = await fetch(`${apiBase}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerId: id }),
  });
  return response.ok ? ((await response.json()) as { token: string }).token : null;
}

configure({
  apiBase,
  customerId: customerId || null,
  tokenProvider: customerId ? () => tokenFor(customerId) : undefined,
});

function header(): HTMLElement {
  const bar = document.createElement('header');
  bar.className = 'site-header';
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Shop');
  for (const [href, text] of [
    ['./index.html', 'Acme Outfitters'],
    ['./rewards.html', 'Rewards'],
    ['./account.html', 'My account'],
    ['./checkout.html', 'Checkout'],
  ]) {
    const link = document.createElement('a');
    link.href = href!;
    link.textContent = text!;
    if (new URL(link.href).pathname === location.pathname) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  const balance = document.createElement('loyalty-balance');
  balance.setAttribute('compact', '');
  const label = document.createElement('label');
  label.textContent = 'Signed in as ';
  const select = document.createElement('select');
  for (const customer of customers)
    select.add(new Option(customer.label, customer.id, false, customer.id === customerId));
  select.addEventListener('change', () => {
    const id = select.value;
    localStorage.setItem('demo-customer', id);
    // Switch in place, as a single-page app would after its own login.
    void (id ? identify(id, { tokenProvider: () => tokenFor(id) }) : logout());
  });
  label.append(select);
  bar.append(nav, balance, label);
  return bar;
}

document.body.prepend(header());
