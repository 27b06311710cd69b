// Map ids exist only in the browser's IndexedDB: this route is never prerendered; the 200.html fallback serves deep links (also offline via the service worker).
export const prerender = false;
