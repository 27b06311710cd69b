// The print view reads its layout and persona ids from the query string, so it is rendered in the browser (200.html), not prerendered.
export const prerender = false;
