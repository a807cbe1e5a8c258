// The public partner finder (/partners/) as a customer uses it, in a real headless Chromium without a login: search,
// filters, a partner's page and its stable address, the language switch, a terminated partner disappearing, and
// nothing private in the page or in the JSON it reads. Screenshots go to target/screenshots/finder-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { api, newPartnerId, startService, targetDir, waitFor } from './service.mjs';

const screenshots = resolve(targetDir, 'screenshots');
const token = `E2E${Date.now().toString(36).toUpperCase()}`;
/** What the applications tell the program office and the finder must never show. */
const secret = { name: `隐私联系人${token}`, email: `secret.${token.toLowerCase()}@example.com`, phone: '+86-591-87654321' };
const company = {
  cloud: { name: `福州云栈信息技术有限公司 ${token}`, region: '福建' },
  long: { name: `深圳市前海蓝鲸智云运维自动化技术服务与企业级解决方案咨询有限责任公司（${token}）`, region: '广东' },
  leaving: { name: `厦门将终止品牌科技有限公司 ${token}`, region: '福建' },
  applicant: { name: `申请中测试网络有限公司 ${token}`, region: '福建' },
};
let service;
let browser;

async function apply(key, type) {
  const partnerId = newPartnerId();
  const response = await api(service.baseUrl, 'website')('POST', '/api/applications', {
    partnerId, companyName: company[key].name, type, region: company[key].region, contact: secret,
    attestations: { acceptsProgramRules: true, noCompetingProducts: true },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  company[key].partnerId = partnerId;
}

/** Claims and completes the partner's open task with this key as `user`, once the user sees it. */
async function work(user, partnerId, taskKey, variables) {
  const call = api(service.baseUrl, user);
  const id = await waitFor(`${taskKey} of ${partnerId}`, async () => {
    const tasks = await call('GET', `/engine-rest/task?processInstanceBusinessKey=${partnerId}&taskDefinitionKey=${taskKey}&firstResult=0&maxResults=1`);
    return tasks.body.length ? tasks.body[0].id : null;
  });
  assert.equal((await call('POST', `/engine-rest/task/${id}/claim`, { userId: user })).status, 204);
  const typed = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, { value }]));
  const completed = await call('POST', `/engine-rest/task/${id}/complete`, { variables: typed });
  assert.equal(completed.status, 204, JSON.stringify(completed.body));
}

const status = async (partnerId) =>
  (await api(service.baseUrl, 'website')('GET', `/api/partners/${partnerId}`)).body.status;

/** A brand partner (no headcount minimum, no fee): the reviewer approves, a manager signs. */
async function activate(key) {
  await apply(key, 'BRAND');
  const { partnerId } = company[key];
  await work('reviewer', partnerId, 'review-application', { approved: true, comment: '资料齐全 complete' });
  await work('manager', partnerId, 'sign-contract', { contractSigned: true });
  await waitFor(`${partnerId} active`, async () => (await status(partnerId)) === 'ACTIVE');
}

/** The public JSON, as anyone reads it (no credentials). */
async function publicJson(path) {
  const response = await fetch(service.baseUrl + path, { headers: { Accept: 'application/json' } });
  return { status: response.status, text: await response.text() };
}

async function finderPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: resolve(screenshots, `${name}.png`), fullPage: true });
}

const cardNames = (page) => page.locator('#results li.card .partner-name').allInnerTexts();

/** Waits until the results list exactly these companies (in any order). */
async function awaitResults(page, keys) {
  const expected = keys.map((key) => company[key].name).sort();
  await waitFor(`results ${keys}`, async () =>
    JSON.stringify((await cardNames(page)).sort()) === JSON.stringify(expected)
    && !(await page.locator('#summary').innerText()).match(/加载中|Loading/));
}

/** The element shows its whole text: nothing is cut off or hidden by overflow. */
async function assertWhole(locator, text) {
  assert.equal((await locator.innerText()).trim(), text);
  const box = await locator.evaluate((node) => ({
    scroll: node.scrollWidth, client: node.clientWidth, height: node.scrollHeight, visible: node.clientHeight,
    overflow: getComputedStyle(node).textOverflow,
  }));
  assert.ok(box.scroll <= box.client + 1, `no horizontal overflow: ${JSON.stringify(box)}`);
  assert.ok(box.height <= box.visible + 1, `no vertical clipping: ${JSON.stringify(box)}`);
  assert.notEqual(box.overflow, 'ellipsis');
}

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  service = process.env.E2E_BASE_URL ? { baseUrl: process.env.E2E_BASE_URL, stop: async () => {} }
    : await startService('finder');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  await activate('cloud');
  await activate('long');
  await activate('leaving');
  await apply('applicant', 'BRAND');
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a customer finds the finder from /, searches, filters and opens a partner at a stable address', async () => {
  const page = await finderPage();
  const calls = [];
  page.on('request', (request) => calls.push(new URL(request.url()).pathname));
  await page.goto(`${service.baseUrl}/`);
  await page.getByRole('link', { name: /合作伙伴查询/ }).click();
  await page.waitForURL(/\/partners\/$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN', 'Chinese by default');
  assert.equal(await page.locator('.home').innerText(), '蓝鲸合作伙伴查询');

  await page.locator('input[name="q"]').fill(token.toLowerCase());
  await page.locator('input[name="q"]').press('Enter');
  await awaitResults(page, ['cloud', 'long', 'leaving']);
  assert.match(await page.locator('#summary').innerText(), /共 3 家合作伙伴/);
  assert.ok(page.url().includes(`q=${token.toLowerCase()}`), page.url());
  await assertWhole(page.locator('#results li.card', { hasText: token }).filter({ hasText: '深圳市' }).locator('.partner-name'),
    company.long.name);
  await shot(page, 'finder-01-zh-search');

  await page.locator('select[name="region"]').selectOption('福建');
  await awaitResults(page, ['cloud', 'leaving']);
  await page.locator('select[name="type"]').selectOption('ENTERPRISE');
  await page.getByText('没有符合条件的合作伙伴。').waitFor();
  assert.deepEqual(await cardNames(page), []);
  await page.locator('select[name="type"]').selectOption('BRAND');
  await awaitResults(page, ['cloud', 'leaving']);
  const search = page.url();
  assert.match(search, /type=BRAND/);
  assert.match(decodeURIComponent(search), /region=福建/);

  // a search's address is a link: opened afresh it shows the same results
  await page.goto(search);
  await awaitResults(page, ['cloud', 'leaving']);

  await page.getByRole('link', { name: company.cloud.name }).click();
  await page.waitForURL(new RegExp(`/partners/${company.cloud.partnerId}$`));
  await page.locator('#partner-name', { hasText: company.cloud.name }).waitFor();
  const facts = await page.locator('#facts').innerText();
  assert.match(facts, /品牌合作伙伴/);
  assert.match(facts, /福建/);
  assert.match(facts, new RegExp(company.cloud.partnerId));
  assert.match(await page.locator('#offers').innerText(), /腾讯蓝鲸携手 IT 垂直领域的知名产品/);

  await page.reload();
  await page.locator('#partner-name', { hasText: company.cloud.name }).waitFor();
  await page.locator('#back').click();
  await awaitResults(page, ['cloud', 'leaving']);
  assert.equal(page.url(), search, 'back to the same search');

  await page.goto(`${service.baseUrl}/partners/${company.long.partnerId}`);
  await page.locator('#partner-name', { hasText: '深圳市' }).waitFor();
  await assertWhole(page.locator('#partner-name'), company.long.name);
  await shot(page, 'finder-02-zh-detail');
  await page.locator('#language').click();
  await page.waitForURL(/lang=en/);
  await page.locator('#offers', { hasText: 'A well-known IT product' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('#facts').innerText(), /Brand partner/);
  await assertWhole(page.locator('#partner-name'), company.long.name);
  await shot(page, 'finder-03-en-detail');

  // back to the last search of this tab, now in English
  await page.locator('#back').click();
  await awaitResults(page, ['cloud', 'leaving']);
  assert.match(await page.locator('#summary').innerText(), /^2 partners$/);
  assert.equal(await page.locator('.home').innerText(), 'BlueKing partner finder');
  assert.match(page.url(), /lang=en/);
  await shot(page, 'finder-04-en-search');

  const foreign = calls.filter((path) => !path.startsWith('/partners') && !path.startsWith('/api/public/partners')
    && path !== '/');
  assert.deepEqual(foreign, [], 'the page reads only the public JSON and its own files');
  await page.context().close();
});

test('a long Chinese name is never cut off, also on a phone', async () => {
  const page = await finderPage({ viewport: { width: 375, height: 812 }, isMobile: true });
  await page.goto(`${service.baseUrl}/partners/?q=${encodeURIComponent(token)}`);
  await awaitResults(page, ['cloud', 'long', 'leaving']);
  await assertWhole(page.locator('#results li.card').filter({ hasText: '深圳市' }).locator('.partner-name'), company.long.name);
  await page.goto(`${service.baseUrl}/partners/${company.long.partnerId}`);
  await page.locator('#partner-name', { hasText: '深圳市' }).waitFor();
  await assertWhole(page.locator('#partner-name'), company.long.name);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  await shot(page, 'finder-05-zh-phone');
  await page.context().close();
});

test('a terminated partner disappears from the finder', async () => {
  const page = await finderPage();
  await page.goto(`${service.baseUrl}/partners/?q=${encodeURIComponent(token)}`);
  await awaitResults(page, ['cloud', 'long', 'leaving']);

  const { partnerId } = company.leaving;
  const raised = await api(service.baseUrl, 'manager')('POST', `/api/partners/${partnerId}/terminations`,
    { reason: '违反合作伙伴计划规则 breach of the program rules' });
  assert.equal(raised.status, 201, JSON.stringify(raised.body));
  // four eyes: another manager confirms
  await work('lead', partnerId, 'confirm-termination', { confirmed: true, comment: '核实 verified' });
  await waitFor(`${partnerId} terminated`, async () => (await status(partnerId)) === 'TERMINATED');

  await page.reload();
  await awaitResults(page, ['cloud', 'long']);
  assert.match(await page.locator('#summary').innerText(), /共 2 家合作伙伴/);
  await page.goto(`${service.baseUrl}/partners/${partnerId}`);
  await page.getByText('没有找到这家合作伙伴').waitFor();
  assert.equal(await page.getByText(company.leaving.name).count(), 0);
  await shot(page, 'finder-06-zh-terminated-gone');
  assert.equal((await publicJson(`/api/public/partners/${partnerId}`)).status, 404);
  await page.context().close();
});

test('nothing private appears in the HTML or the JSON, and applicants never appear', async () => {
  const forbidden = [secret.name, secret.email, secret.phone, company.applicant.name, company.applicant.partnerId,
    'headcount', 'evaluation', 'contact', 'automationService', 'contractId'];
  const page = await finderPage();
  for (const path of [`/partners/?q=${encodeURIComponent(token)}`, `/partners/${company.cloud.partnerId}`,
    `/partners/${company.long.partnerId}?lang=en`]) {
    await page.goto(service.baseUrl + path);
    await page.locator('#summary:not(:empty), #facts:not(:empty)').first().waitFor();
    await page.waitForLoadState('networkidle');
    const html = await page.content();
    for (const text of forbidden) assert.ok(!html.includes(text), `${path} shows ${text}`);
  }
  await page.context().close();

  const list = await publicJson(`/api/public/partners?q=${encodeURIComponent(token)}`);
  const detail = await publicJson(`/api/public/partners/${company.cloud.partnerId}`);
  assert.equal(list.status, 200);
  assert.equal(detail.status, 200);
  for (const text of [list.text, detail.text]) {
    for (const word of forbidden) assert.ok(!text.includes(word), `the JSON carries ${word}`);
  }
  const fields = ['companyName', 'courses', 'level', 'offers', 'partnerId', 'partnerSince', 'region', 'type'];
  for (const partner of [...JSON.parse(list.text).content, JSON.parse(detail.text)]) {
    assert.deepEqual(Object.keys(partner).sort(), fields);
  }
  assert.equal((await publicJson(`/api/public/partners/${company.applicant.partnerId}`)).status, 404);
  const everyone = await publicJson('/api/public/partners?size=50');
  assert.ok(!everyone.text.includes(company.applicant.partnerId), 'the applicant is not listed');
});
