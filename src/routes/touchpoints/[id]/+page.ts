// Touchpoint ids exist only in the browser's database: this route is never prerendered; the 200.html fallback serves it (also offline).
export const prerender = false;
