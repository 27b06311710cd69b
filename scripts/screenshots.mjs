// Takes the README / manifest screenshots from the built app (run `npm run build` first; serves build/ itself).
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const port = 4191;
const server = await startServer({ port });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
});
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
await page.addInitScript(() => localStorage.setItem('cx.locale', 'en'));
await page.goto(`http://127.0.0.1:${port}/`);
await page.getByTestId('welcome').getByRole('button').nth(1).click();
await page.getByTestId('overview').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: 'static/screenshots/overview-wide.png' });
await page.goto(`http://127.0.0.1:${port}/journeys`);
await page.locator('a[href^="/journeys/"]').first().click();
await page.getByTestId('journey-grid').waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: 'static/screenshots/journey-map-wide.png' });
await browser.close();
server.close();
console.log('screenshots written');
