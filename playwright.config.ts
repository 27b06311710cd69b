// Playwright: Debian's Chromium against the built app served by scripts/serve.mjs (build once, then every spec).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const PORT = Number(process.env.E2E_PORT ?? 4179);
/** Built app folder: `build`, or `build-$CX_OUT` when several developers share a checkout. */
export const BUILD_DIR = process.env.CX_OUT ? `build-${process.env.CX_OUT}` : 'build';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		serviceWorkers: 'allow',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
		viewport: { width: 1366, height: 860 },
		trace: 'off'
	},
	webServer: {
		command: `node scripts/serve.mjs --port ${PORT} --strict-port --root ${BUILD_DIR}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
