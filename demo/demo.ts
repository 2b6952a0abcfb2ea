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
  survey: { shopName: 'Acme Outfitters' },
});

/** Restyles every widget with design tokens alone: no element CSS is touched. */
const themes: Record<string, Record<string, string>> = {
  Default: {},
  Forest: {
    '--loyalty-color-accent': '#166534',
    '--loyalty-color-surface': '#f0fdf4',
    '--loyalty-radius': '1.25rem',
    '--loyalty-font': 'Georgia, serif',
  },
  Midnight: {
    '--loyalty-color-accent': '#c4b5fd',
    '--loyalty-color-on-accent': '#1e1b4b',
    '--loyalty-color-surface': '#1e1b4b',
    '--loyalty-color-text': '#eef2ff',
    '--loyalty-color-muted': '#c7d2fe',
    '--loyalty-color-border': '#4338ca',
    '--loyalty-radius': '0',
  },
};

function themeSwitcher(): HTMLElement {
  const label = document.createElement('label');
  label.textContent = 'Theme ';
  const select = document.createElement('select');
  const apply = (name: string) => {
    const root = document.documentElement.style;
    for (const theme of Object.values(themes)) for (const token of Object.keys(theme)) root.removeProperty(token);
    for (const [token, value] of Object.entries(themes[name] ?? {})) root.setProperty(token, value);
    localStorage.setItem('demo-theme', name);
  };
  const current = localStorage.getItem('demo-theme') ?? 'Default';
  for (const name of Object.keys(themes)) select.add(new Option(name, name, false, name === current));
  select.addEventListener('change', () => apply(select.value));
  apply(current);
  label.append(select);
  return label;
}

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
  bar.append(nav, balance, label, themeSwitcher());
  return bar;
}

document.body.prepend(header());
