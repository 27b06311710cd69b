// A map's id is only known in the browser: never prerendered; the 200.html fallback (and the service worker offline) serves deep links.
export const prerender = false;
