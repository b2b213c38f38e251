// A password-protected link as a person meets it, in headless Chromium: the form (and nothing it loads from
// elsewhere), a wrong password, then the right one, which sends the browser on to the link's target. The
// target cannot be reached from here (and a route cannot stand in for it: Playwright routes no request a
// redirect leads to), so what is seen is the browser's request for it, and the redirect that led there.
// Prints one JSON object of what it saw; screenshots go to the output folder.
import { chromium } from 'playwright-core';

const [out, shortUrl, wrong, right, target] = process.argv.slice(2);
const seen = { requestedElsewhere: [] };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 420, height: 700 } });
  const origin = new URL(shortUrl).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) {
      return route.continue();
    }
    seen.requestedElsewhere.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(String(error)));

  const first = await page.goto(shortUrl);
  seen.formStatus = first.status();
  seen.title = await page.title();
  seen.scripts = await page.evaluate(() => document.scripts.length);
  seen.passwordFieldType = await page.getByLabel('Password').getAttribute('type');
  await page.screenshot({ path: out + '/password-form.png', fullPage: true });

  await page.getByLabel('Password').fill(wrong);
  const [refused] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
  seen.wrongStatus = refused.status();
  seen.wrongMessage = (await page.getByRole('alert').textContent()).trim();
  await page.screenshot({ path: out + '/password-wrong.png', fullPage: true });

  await page.getByLabel('Password').fill(right);
  const [followed] = await Promise.all([page.waitForRequest((request) => request.url() === target),
    page.getByLabel('Password').press('Enter')]);
  seen.sentTo = followed.url();
  seen.sentToMethod = followed.method();
  const unlocked = await followed.redirectedFrom().response();
  seen.unlockMethod = followed.redirectedFrom().method();
  seen.unlockStatus = unlocked.status();
  seen.failures = failures;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
