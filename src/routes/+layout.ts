// The app is a client-only SPA: every route prerenders to an empty shell that hydrates from IndexedDB.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
