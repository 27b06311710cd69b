// Global app types for SvelteKit.
declare global {
	namespace App {}
}
export {};
