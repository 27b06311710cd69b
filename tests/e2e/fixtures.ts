// Shared e2e fixtures: each test gets a page whose CSP violations, page errors and outside requests are recorded and checked.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ROUTES as NAV_ROUTES } from '../../src/lib/components/shell/nav';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Watch = { csp: string[]; errors: string[]; external: string[] };

export const test = base.extend<{ watch: Watch }>({
	watch: async ({ page, baseURL }, use) => {
		const watch: Watch = { csp: [], errors: [], external: [] };
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				(window as unknown as { __csp: string[] }).__csp ??= [];
				(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
				console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
			});
		});
		page.on('console', (m) => {
			if (m.type() === 'error' && m.text().startsWith('CSP violation')) watch.csp.push(m.text());
		});
		page.on('pageerror', (e) => watch.errors.push(String(e)));
		page.on('request', (r) => {
			const u = r.url();
			if (!u.startsWith(baseURL ?? '') && !u.startsWith('data:') && !u.startsWith('blob:')) watch.external.push(u);
		});
		await use(watch);
		expect(watch.csp, 'CSP violations').toEqual([]);
		expect(watch.errors, 'page errors').toEqual([]);
		expect(watch.external, 'requests leaving the device').toEqual([]);
	}
});
export { expect };

/** Fresh start: app loaded, first-run screen visible, language chosen. */
export async function openFresh(page: Page, locale: 'en' | 'zh-CN' = 'en'): Promise<void> {
	await page.addInitScript((loc) => {
		if (!localStorage.getItem('cx.locale')) localStorage.setItem('cx.locale', loc);
	}, locale);
	await page.goto('/');
	await expect(page.getByTestId('welcome')).toBeVisible();
}

export async function startEmpty(page: Page, locale: 'en' | 'zh-CN' = 'en'): Promise<void> {
	await openFresh(page, locale);
	await page.getByRole('button', { name: locale === 'en' ? /Start empty/ : /从空白开始/ }).click();
	await expect(page.getByTestId('overview')).toBeVisible();
}

export async function waitSaved(page: Page): Promise<void> {
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', /saved|idle/);
}

/** Run axe-core in the page; return serious and critical violations. */
export async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
	// evaluate (not a <script> tag) so the page's CSP stays strict and unviolated.
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const w = window as unknown as {
			axe: {
				run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
			};
		};
		const r = await w.axe.run(document, { resultTypes: ['violations'] });
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
	});
}

/** Every top-level route the menu shows: offline, pseudo-locale and axe checks cover each one. */
export const ROUTES = NAV_ROUTES;

/** A link in the main navigation (other links with the same name may exist on a page). */
export function navLink(page: Page, name: string) {
	return page.getByRole('navigation', { name: /Main navigation|主导航|⟦Main navigation⟧/ }).getByRole('link', { name, exact: true });
}
