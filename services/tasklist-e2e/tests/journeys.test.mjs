// Reviewer and manager journeys through Camunda Tasklist, in a real headless Chromium (Debian's chromium package,
// driven by playwright-core). Every step leaves a screenshot in target/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { api, newPartnerId, readEvents, startService, targetDir, users, waitFor } from './service.mjs';

const screenshots = resolve(targetDir, 'screenshots');
let service;
let browser;
const company = {};

async function apply(key, type, name) {
  const partnerId = newPartnerId();
  const response = await api(service.baseUrl, 'website')('POST', '/api/applications', {
    partnerId, companyName: name, type,
    contact: { name: '韩梅梅', email: 'e2e@example.com', phone: '+86-10-66668888' },
    attestations: { acceptsProgramRules: true, noCompetingProducts: true },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  company[key] = { partnerId, name };
}

/** The id of the partner's open task with this key, as `user` sees it (null when the user sees none). */
async function taskId(user, partnerId, taskKey) {
  const response = await api(service.baseUrl, user)('GET',
    `/engine-rest/task?processInstanceBusinessKey=${partnerId}&taskDefinitionKey=${taskKey}&firstResult=0&maxResults=5`);
  assert.equal(response.status, 200);
  return response.body.length ? response.body[0].id : null;
}

const awaitTask = (user, partnerId, taskKey) =>
  waitFor(`${taskKey} of ${partnerId} for ${user}`, () => taskId(user, partnerId, taskKey));

/** Certification events as the training & exam system sends them, with the project's own scripts/kafka-send. */
async function certificationEvents(partnerId, events) {
  const lines = events.map(([type, data], i) => `${partnerId}\t${JSON.stringify({
    specversion: '1.0', id: `e2e-${partnerId}-${type}-${i}`, source: '/bk/training-exam', type,
    time: new Date().toISOString(), subject: partnerId, datacontenttype: 'application/json', data: { partnerId, ...data },
  })}\n`).join('');
  const script = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'scripts', 'kafka-send');
  await new Promise((done, fail) => {
    const child = execFile(script, ['bk.certification.events'], {
      env: { ...process.env, BK_KAFKA_BOOTSTRAP: service.kafkaBootstrap }, timeout: 120_000,
    }, (error) => (error ? fail(error) : done()));
    child.stdin.end(lines);
  });
}

/** A signed-in Tasklist page for one user, in a context of its own (its own cookies, like another browser). */
async function signIn(user) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // the first Tasklist load on a busy machine takes longer than Playwright's default 30 s
  page.setDefaultTimeout(90_000);
  // Tasklist renders its login view once it has asked whether a session exists: wait for that answer first
  const sessionChecked = page.waitForResponse((response) => response.request().method() === 'GET'
    && response.url().includes('/camunda/api/admin/auth/user/default'));
  await page.goto(`${service.baseUrl}/camunda/app/tasklist/`);
  await sessionChecked;
  // Tasklist's AngularJS models take their value on "change", and its login form submits on the form's submit
  // event, which a synthetic click on the button does not raise in this headless Chromium. The form's inputs are
  // "required": should Tasklist render its login view again after they were filled (it routes to it once its
  // check of the session answers), requestSubmit() finds them empty and silently submits nothing, which once
  // left a sign-in waiting 90 s for an answer to a request never sent. So the credentials are entered until
  // the form Angular validates holds them, and only then submitted.
  const form = page.locator('form[name="signinForm"]');
  const credentials = [['input[type="text"]', user], ['input[type="password"]', users[user]]];
  await waitFor(`Tasklist's sign-in form holding ${user}'s credentials`, async () => {
    try {
      for (const [selector, value] of credentials) {
        if (await form.locator(selector).inputValue({ timeout: 5_000 }) !== value) {
          await form.locator(selector).fill(value, { timeout: 5_000 });
          await form.locator(selector).dispatchEvent('change', {}, { timeout: 5_000 });
        }
      }
      return await page.locator('form[name="signinForm"].ng-valid').count() === 1
        && (await Promise.all(credentials.map(async ([selector, value]) =>
          await form.locator(selector).inputValue({ timeout: 5_000 }) === value))).every(Boolean);
    } catch {
      return false; // the view was being rendered again (two forms for a moment, or none): look again
    }
  }, 60_000);
  const signedIn = page.waitForResponse((response) => response.request().method() === 'POST'
    && response.url().includes('/login/tasklist'));
  await form.evaluate((element) => element.requestSubmit());
  // a manager's sign-in once waited 90 s for the filters in a clean-clone build, with nothing in the service's
  // log: the sign-in's answer and a picture of the page say where it stopped if it happens again
  let answer;
  try {
    answer = await signedIn;
  } catch (error) {
    await shot(page, `failed-sign-in-request-${user}`);
    throw error;
  }
  assert.equal(answer.status(), 200, `Tasklist's sign-in of ${user}`);
  try {
    await page.locator('[cam-tasklist-filters]').getByText(/(待审核申请|经理任务|财务任务|审计任务) /).first()
      .waitFor();
  } catch (error) {
    await shot(page, `failed-sign-in-${user}`);
    throw error;
  }
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: resolve(screenshots, `${name}.png`), fullPage: false });
}

async function openTask(page, id) {
  await page.goto(`${service.baseUrl}/camunda/app/tasklist/default/#/?task=${id}`);
}

/** The value of the form field with this label (Camunda Forms render label and input together). */
async function field(page, label) {
  return page.getByLabel(label, { exact: true }).inputValue();
}

/**
 * A DOM click: Tasklist's AngularJS handlers (ng-click, ng-submit) do not see Playwright's synthetic mouse
 * clicks in this headless Chromium, so buttons are pressed with the click event itself.
 */
async function press(locator) {
  await locator.first().waitFor();
  await locator.first().dispatchEvent('click');
}

/**
 * Types into a form field. Camunda Forms take a text field's value a moment after the last keystroke (debounced),
 * so the value is only part of what Complete submits after that pause.
 */
async function write(page, label, text) {
  await page.getByLabel(label, { exact: true }).fill(text);
  await page.waitForTimeout(800);
}

async function claim(page) {
  await press(page.locator('[cam-tasklist-task] [ng-click="claim()"]'));
}

/** Picks one option of a decision's radio group (no option is preselected). */
async function choose(page, label) {
  const option = page.getByLabel(label, { exact: true });
  await option.dispatchEvent('click');
  assert.ok(await option.isChecked(), `${label} chosen`);
}

async function claimAndComplete(page, fill) {
  await claim(page);
  await page.locator('[cam-tasklist-task] .disabled-form').waitFor({ state: 'detached' });
  await fill();
  await press(page.getByRole('button', { name: /^\s*complete\s*$/i }));
}

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  service = process.env.E2E_BASE_URL ? { baseUrl: process.env.E2E_BASE_URL, kafkaBootstrap: process.env.E2E_KAFKA_BOOTSTRAP, stop: async () => {} }
    : await startService();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  await apply('enterprise', 'ENTERPRISE', '浏览器测试甲科技 Browser Test A');
  // a brand partner has no headcount minimum: its contract can be signed without certified engineers
  await apply('brand', 'BRAND', '浏览器测试乙品牌 Browser Test B');
  await apply('fourEyes', 'ENTERPRISE', '浏览器测试丙数据 Browser Test C');
  await apply('rejected', 'COMMUNITY', '泉州浏览器测试丁信息技术服务有限公司 Quanzhou Browser Test D Information Technology Services Co., Ltd.');
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a reviewer sees only the reviewers\' filter, claims review-application, reads the application and approves', async () => {
  const page = await signIn('reviewer');
  const filters = await page.locator('[cam-tasklist-filters]').innerText();
  assert.match(filters, /待审核申请 Applications to review/);
  assert.doesNotMatch(filters, /经理任务|财务任务|审计任务/);
  await shot(page, '01-reviewer-filters');

  const id = await awaitTask('reviewer', company.enterprise.partnerId, 'review-application');
  await openTask(page, id);
  await page.locator('[cam-tasklist-task]').getByText('审核申请 Review application').first().waitFor();
  await shot(page, '02-reviewer-task');
  await claimAndComplete(page, async () => {
    assert.equal(await field(page, '公司名称 Company name'), company.enterprise.name);
    assert.equal(await field(page, '统一社会信用代码 Unified social credit code'), company.enterprise.partnerId);
    // what the reviewer decides on beyond the counts: attestations, certificates, what approval leads to, history
    assert.match(await field(page, '声明 Attestations'), /✔ 已确认 Confirmed: 接受计划规则/);
    assert.match(await field(page, '通过后 What approval leads to'), /经理审批 Manager approval .* 30000\.00 CNY/);
    const form = page.locator('[cam-tasklist-task]');
    await form.getByText('计入人数的证书 Certificates behind the counts').waitFor();
    await form.getByText('此前的申请与终止 Earlier applications and terminations').waitFor();
    await shot(page, '03-reviewer-form');
    await page.getByLabel('声明 Attestations', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, '03-reviewer-form-what-approval-leads-to');
    await choose(page, '批准 Approve');
    await write(page, '意见 Comment', '资质齐全，同意 qualifications complete');
  });
  await awaitTask('manager', company.enterprise.partnerId, 'approve-application');
  await shot(page, '04-reviewer-done');
  await page.context().close();
});

test('a manager, in another browser, approves the enterprise application and signs a contract', async () => {
  // the brand applicant was reviewed over the API meanwhile, so its contract waits for a manager
  const review = await awaitTask('reviewer', company.brand.partnerId, 'review-application');
  const reviewer = api(service.baseUrl, 'reviewer');
  assert.equal((await reviewer('POST', `/engine-rest/task/${review}/claim`, { userId: 'reviewer' })).status, 204);
  assert.equal((await reviewer('POST', `/engine-rest/task/${review}/complete`,
    { variables: { approved: { value: true }, comment: { value: 'ok' } } })).status, 204);

  const page = await signIn('manager');
  assert.match(await page.locator('[cam-tasklist-filters]').innerText(), /经理任务/);
  const approval = await awaitTask('manager', company.enterprise.partnerId, 'approve-application');
  await openTask(page, approval);
  // Tasklist's History tab: the reviewer's decision and comment, by the reviewer
  await press(page.locator('[cam-tasklist-task] .nav-tabs a', { hasText: /^\s*History\s*$/ }));
  const history = page.locator('[cam-tasklist-task]').getByText(/审核申请 Review application: ✔ 同意 Yes — 资质齐全/);
  await history.waitFor();
  await shot(page, '05-manager-history');
  await press(page.locator('[cam-tasklist-task] .nav-tabs a', { hasText: /^\s*Form\s*$/ }));
  await claimAndComplete(page, async () => {
    assert.equal(await field(page, '审核人 Reviewed by'), 'reviewer');
    // the reviewer's comment from the first journey, before the manager decides
    assert.equal(await page.getByLabel('审核意见 Review comment', { exact: true }).inputValue(),
      '资质齐全，同意 qualifications complete');
    assert.equal(await page.getByLabel('批准 Approve', { exact: true }).isChecked(), false, 'nothing preselected');
    await choose(page, '批准 Approve');
    await write(page, '意见 Comment', '同意 agreed');
    await shot(page, '05-manager-approves');
  });
  await waitFor('the enterprise application approved', async () =>
    (await api(service.baseUrl, 'website')('GET', `/api/partners/${company.enterprise.partnerId}`)).body.status
      === 'AWAITING_PAYMENT');

  const contract = await awaitTask('manager', company.brand.partnerId, 'sign-contract');
  await openTask(page, contract);
  await claimAndComplete(page, async () => {
    await choose(page, '合同已签署 Contract signed');
    await shot(page, '06-manager-signs');
  });
  await waitFor('the brand partner active', async () =>
    (await api(service.baseUrl, 'website')('GET', `/api/partners/${company.brand.partnerId}`)).body.status
      === 'ACTIVE');
  await page.context().close();
});

test('the user who reviewed an application cannot approve it', async () => {
  const lead = api(service.baseUrl, 'lead');
  const review = await awaitTask('lead', company.fourEyes.partnerId, 'review-application');
  assert.equal((await lead('POST', `/engine-rest/task/${review}/claim`, { userId: 'lead' })).status, 204);
  assert.equal((await lead('POST', `/engine-rest/task/${review}/complete`,
    { variables: { approved: { value: true }, comment: { value: 'ok' } } })).status, 204);

  const page = await signIn('lead');
  const approval = await awaitTask('lead', company.fourEyes.partnerId, 'approve-application');
  await openTask(page, approval);
  await claim(page);
  await page.getByText(/四眼原则|Four-eyes/).first().waitFor();
  await shot(page, '07-four-eyes-refused');
  const task = await lead('GET', `/engine-rest/task/${approval}`);
  assert.equal(task.body.assignee, null, 'the approval is still unassigned');
  await page.context().close();
});

test('a reviewer cannot open a manager\'s task', async () => {
  const approval = await awaitTask('manager', company.fourEyes.partnerId, 'approve-application');
  const page = await signIn('reviewer');
  await openTask(page, approval);
  await page.waitForTimeout(2000);
  await shot(page, '08-reviewer-cannot-open-manager-task');
  assert.equal(await page.locator('[cam-tasklist-task] [ng-click="claim()"]').count(), 0, 'no claim button');
  assert.equal(await page.getByText(company.fourEyes.name).count(), 0, 'nothing of the application shown');
  assert.equal(await taskId('reviewer', company.fourEyes.partnerId, 'approve-application'), null);
  const direct = await api(service.baseUrl, 'reviewer')('GET', `/engine-rest/task/${approval}`);
  assert.ok([403, 404].includes(direct.status), `GET task as reviewer answered ${direct.status}`);
  await page.context().close();
});

test('a reviewer finds an application by company name in the list', async () => {
  const id = await awaitTask('reviewer', company.rejected.partnerId, 'review-application');
  const page = await signIn('reviewer');
  const entry = page.locator('ol.tasks-list li.task', { hasText: company.rejected.name });
  await entry.first().waitFor();
  const text = await entry.first().innerText();
  assert.match(text, /审核申请 Review application · 泉州浏览器测试丁/);
  assert.match(text, /COMMUNITY/);
  await shot(page, '09-reviewer-finds-company-in-list');
  await press(entry.first().locator('h4 a'));
  await waitFor('the task opened from the list', async () => page.url().includes(id));
  await page.locator('[cam-tasklist-task]').getByText(company.rejected.name).first().waitFor();
  await page.context().close();
});

test('Complete without a choice is refused, a rejection needs a reason, and the reason reaches bk.partner.rejected', async () => {
  const id = await awaitTask('reviewer', company.rejected.partnerId, 'review-application');
  const page = await signIn('reviewer');
  await openTask(page, id);
  await claim(page);
  await page.locator('[cam-tasklist-task] .disabled-form').waitFor({ state: 'detached' });
  const complete = page.getByRole('button', { name: /^\s*complete\s*$/i });

  // a community partner has no "any level" automation minimum: that row means nothing here and is not shown
  await page.getByLabel('运维开发 Development', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('自动化运维（任一级别）Automation, any level', { exact: true }).count(), 0);

  // untouched: nothing is chosen, and Complete is refused by the form
  assert.equal(await page.getByLabel('批准 Approve', { exact: true }).isChecked(), false);
  assert.equal(await page.getByLabel('拒绝 Reject (需说明理由 give the reason)', { exact: true }).isChecked(), false);
  await press(complete);
  await page.getByText('Field is required.').first().waitFor();
  await shot(page, '10-complete-without-choice-refused');
  assert.ok(await taskId('reviewer', company.rejected.partnerId, 'review-application'), 'the task is still open');

  // a rejection without a reason is refused too
  await choose(page, '拒绝 Reject (需说明理由 give the reason)');
  await page.waitForTimeout(1000);
  await page.getByLabel('意见 Comment', { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '11a-rejection-chosen');
  const guard = page.getByText('请在“意见”中说明理由 Give the reason in Comment');
  await guard.waitFor();
  await press(complete);
  await page.waitForTimeout(1500);
  await shot(page, '11-rejection-without-reason-refused');
  assert.ok(await taskId('reviewer', company.rejected.partnerId, 'review-application'), 'the task is still open');

  const reason = '认证人数不足，请补充后再申请 headcount short, apply again later';
  await write(page, '意见 Comment', reason);
  await guard.waitFor({ state: 'detached' });
  await shot(page, '12-rejection-with-reason');
  await press(complete);
  await waitFor('the review completed', async () =>
    (await taskId('reviewer', company.rejected.partnerId, 'review-application')) === null);
  await page.context().close();

  const rejected = await waitFor('bk.partner.rejected on the topic', async () => {
    const events = await readEvents(service.kafkaBootstrap, 'bk.partner.events', 'bk.partner.rejected');
    return events.find((event) => event.data?.partnerId === company.rejected.partnerId
      || event.subject === company.rejected.partnerId);
  }, 120_000);
  assert.equal(rejected.data.reason, reason);
});

test('a manager follows up a shortfall: the form shows the headcount against the minimum of the decision that opened it', async () => {
  await apply('shortfall', 'COMMUNITY', '浏览器测试戊社区 Browser Test E');
  const { partnerId } = company.shortfall;
  const issuedOn = new Date().toISOString().slice(0, 10);
  const grant = (certificateId, track, level) => ['bk.certification.granted',
    { certificateId, engineerId: `${certificateId}-engineer`, track, ...(level ? { level } : {}), issuedOn }];
  // a community partner's minimum: two automation engineers at service level and one developer
  await certificationEvents(partnerId, [grant(`${partnerId}-A1`, 'AUTOMATION', 'SERVICE'),
    grant(`${partnerId}-A2`, 'AUTOMATION', 'SERVICE'), grant(`${partnerId}-D1`, 'DEVELOPMENT')]);
  await waitFor('the three certificates counted', async () =>
    (await api(service.baseUrl, 'website')('GET', `/api/partners/${partnerId}`)).body.headcount?.automationService === 2
      && (await api(service.baseUrl, 'website')('GET', `/api/partners/${partnerId}`)).body.headcount?.development === 1, 60_000);
  const review = await awaitTask('reviewer', partnerId, 'review-application');
  const reviewer = api(service.baseUrl, 'reviewer');
  assert.equal((await reviewer('POST', `/engine-rest/task/${review}/claim`, { userId: 'reviewer' })).status, 204);
  assert.equal((await reviewer('POST', `/engine-rest/task/${review}/complete`,
    { variables: { approved: { value: true }, comment: { value: 'ok' } } })).status, 204);
  const manager = api(service.baseUrl, 'manager');
  const contract = await awaitTask('manager', partnerId, 'sign-contract');
  assert.equal((await manager('POST', `/engine-rest/task/${contract}/claim`, { userId: 'manager' })).status, 204);
  assert.equal((await manager('POST', `/engine-rest/task/${contract}/complete`,
    { variables: { contractSigned: { value: true } } })).status, 204);
  await waitFor('the community partner active', async () =>
    (await api(service.baseUrl, 'website')('GET', `/api/partners/${partnerId}`)).body.status === 'ACTIVE');

  await certificationEvents(partnerId, [['bk.certification.revoked',
    { certificateId: `${partnerId}-A1`, reason: 'e2e: exam result withdrawn' }]]);
  const followUp = await waitFor('the follow-up task', () => taskId('manager', partnerId, 'follow-up-shortfall'), 60_000);

  const page = await signIn('manager');
  await openTask(page, followUp);
  const figure = (key) => page.locator(`[cam-tasklist-task] input[id$="Field_${key}"]`);
  await figure('requiredAutomationService').waitFor();
  // read when the form opens, from the evaluation log, by the decision the task names
  assert.equal(await figure('automationService').inputValue(), '1');
  assert.equal(await figure('requiredAutomationService').inputValue(), '2');
  assert.equal(await figure('development').inputValue(), '1');
  assert.equal(await figure('requiredDevelopment').inputValue(), '1');
  // a community partner has no minimum of automation engineers at any level: that row stays hidden
  assert.equal(await figure('automationUsage').count(), 0);
  assert.equal(await field(page, '公司名称 Company name'), company.shortfall.name);
  await shot(page, '11-manager-follows-up-shortfall');
  await claimAndComplete(page, async () => {
    // a required field: form-js marks its label, so it is found by its field id
    await page.locator('[cam-tasklist-task] textarea[id$="Field_comment"]')
      .fill('已电话联系，两周内补考 called, a re-exam within two weeks');
    await page.waitForTimeout(800);
  });
  await waitFor('the follow-up recorded', async () => !(await taskId('manager', partnerId, 'follow-up-shortfall')));
  await page.context().close();
});
