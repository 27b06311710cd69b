// Persona ids exist only in the browser's IndexedDB: not prerendered; deep links and reloads are served by 200.html (online and from the service worker offline).
export const prerender = false;
