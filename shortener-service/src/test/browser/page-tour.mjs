// The web page, as a person uses it, in headless Chromium: enter a key, find the account's links listed,
// shorten a link with the keyboard, copy it, follow it, find it in the list (by a tag and by a search),
// and watch its click arrive in the stats chart. Prints one JSON object of what it saw; screenshots of
// each view go to the output folder. Used by WebPageIT.
import { chromium } from 'playwright-core';

const [out, base, key, madeElsewhere] = process.argv.slice(2);
const listedCodes = (page) => page.evaluate(() => [...document.querySelectorAll('#links tbody tr')].map((row) => row.dataset.code));
const rowsToBe = (page, count) => page.waitForFunction((n) => document.querySelectorAll('#links tbody tr').length === n, count);
const seen = {};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') failures.push(message.text()); });

  await page.goto(base + '/');
  seen.landedOn = new URL(page.url()).pathname;
  seen.unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select')]
    .filter((field) => field.labels.length === 0).map((field) => field.id));

  // The key, then a link, by keyboard alone: typing and Enter.
  await page.getByLabel('API key').fill(key);
  await page.getByLabel('API key').press('Enter');
  seen.keyState = await page.locator('#key-state').textContent();
  seen.keyInSessionStorage = await page.evaluate(() => sessionStorage.getItem('shortener.apiKey') !== null);
  seen.keyInLocalStorage = await page.evaluate(() => Object.keys(localStorage).length > 0);
  // The account's links, made elsewhere, are listed as soon as the key is in.
  await rowsToBe(page, 1);
  seen.listedFirst = await listedCodes(page);
  await page.getByLabel('Long URL').fill('https://example.com/from-the-page');
  await page.getByLabel('Redirect type').selectOption('302');
  await page.getByLabel('Title (optional)').fill('Made on the page');
  await page.getByLabel('Tags (optional)').fill('Tour, page');
  await page.getByLabel('Long URL').press('Enter');
  const shortLink = page.locator('#result-link');
  await shortLink.waitFor();
  seen.shortUrl = await shortLink.textContent();
  seen.focusedAfterCreate = await page.evaluate(() => document.activeElement.id);
  await page.waitForFunction(() => document.getElementById('result-qr').complete
    && document.getElementById('result-qr').naturalWidth > 0);
  seen.qrAlt = await page.locator('#result-qr').getAttribute('alt');
  await page.screenshot({ path: out + '/created.png', fullPage: true });

  // Copy, then follow the short link as a browser would (the target is not reachable from here).
  await page.getByRole('button', { name: 'Copy' }).click();
  seen.copyState = await page.locator('#copy-state').textContent();
  seen.clipboard = await page.evaluate(() => navigator.clipboard.readText());
  const followed = await context.request.get(seen.shortUrl, {
    maxRedirects: 0,
    headers: { 'User-Agent': await page.evaluate(() => navigator.userAgent.replace('HeadlessChrome', 'Chrome')), Referer: 'https://news.example/story' },
  });
  seen.followedStatus = followed.status();
  seen.followedLocation = followed.headers()['location'];

  // The list (newest first), a tag, a search, then the stats view: refreshed until the click is counted.
  await rowsToBe(page, 2);
  seen.listed = await listedCodes(page);
  seen.listedTitle = await page.locator('#links tbody tr').first().locator('.title').textContent();
  await page.getByRole('button', { name: 'Show the links tagged tour' }).click();
  await rowsToBe(page, 1);
  seen.tagged = await listedCodes(page);
  await page.getByLabel('Code, title or site').fill(madeElsewhere);
  await page.getByLabel('Tag', { exact: true }).fill('');
  await page.getByLabel('Code, title or site').press('Enter');
  await page.waitForFunction((code) => [...document.querySelectorAll('#links tbody tr')].map((row) => row.dataset.code).join() === code, madeElsewhere);
  seen.searched = await listedCodes(page);
  await page.screenshot({ path: out + '/list.png', fullPage: true });
  const created = seen.shortUrl.substring(seen.shortUrl.lastIndexOf('/') + 1);
  await page.getByLabel('Code, title or site').fill('');
  await page.getByLabel('Code, title or site').press('Enter');
  await rowsToBe(page, 2);
  await page.getByRole('link', { name: 'Stats of ' + created }).click();
  await page.locator('#stats-view').waitFor();
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const clicks = await page.evaluate(() => [...document.querySelectorAll('#chart .bar')]
      .reduce((sum, bar) => sum + Number(bar.dataset.clicks), 0));
    if (clicks > 0) {
      seen.chartClicks = clicks;
      break;
    }
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForLoadState('networkidle');
  }
  seen.totals = await page.locator('#stats-totals').textContent();
  seen.referrers = await page.locator('#top-referrers li').allTextContents();
  seen.devices = await page.locator('#top-devices li').allTextContents();
  seen.chartSummary = await page.locator('#chart-summary').textContent();
  await page.screenshot({ path: out + '/stats.png', fullPage: true });

  // The same page on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/ui/#/');
  seen.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: out + '/phone.png', fullPage: true });
  seen.failures = failures;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
