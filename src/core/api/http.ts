// What a call to the API needs and a page without calls does not: the client on ky, the endpoint
// table with the response checks, and the reading of a redemption's reply. One lazy chunk.
export { createClient } from './client.js';
export { endpoint } from './endpoints.js';
export { readRedemption } from '../redeem/reply.js';
