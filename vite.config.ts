// Vite config: SvelteKit, the PWA (prompt-to-update, never auto-reload), ES module workers and the vitest projects.
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	cacheDir: process.env.CX_OUT ? `node_modules/.vite-${process.env.CX_OUT}` : undefined,
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			base: '/',
			scope: '/',
			kit: { adapterFallback: '200.html', spa: true, includeVersionFile: true },
			workbox: {
				navigateFallback: '/200.html',
				globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,woff2}'],
				maximumFileSizeToCacheInBytes: 8 * 1024 * 1024
			},
			manifest: {
				name: 'CX Studio · 客户体验工作台',
				short_name: 'CX Studio',
				description: 'Design a customer-service system offline: journeys, touchpoints, personas, segments, forecasts.',
				lang: 'zh-CN',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: '#1f4e79',
				background_color: '#f7f8fa',
				screenshots: [{ src: '/screenshots/overview-wide.png', sizes: '1440x900', type: 'image/png', form_factor: 'wide' }],
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			}
		})
	],
	worker: { format: 'es' },
	optimizeDeps: { include: ['papaparse', 'dexie', 'd3'] },
	test: {
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'unit',
					environment: 'jsdom',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
					setupFiles: ['tests/setup/vitest-setup.ts'],
					testTimeout: 30_000
				}
			}
		]
	}
});
