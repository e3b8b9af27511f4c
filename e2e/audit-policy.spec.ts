// The audit policy file on the server, as the dashboard shows it: an accepted finding leaves the open counts and
// is listed apart ("accepted in idc-audit.yaml"); a file that turns invalid keeps the previous policy and a banner
// says why. The server is started by this spec with IDC_AUDIT_POLICY pointing at a file it rewrites.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, saveScreenshot } from './support/accessibility.ts';
import { dataRows, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let folder: string;
let policyPath: string;

// The sandbox's seeded plain-http client (seed 1), accepted by exact name.
const policy = `acceptedFindings:
  - client: "Intranet timesheets (plain HTTP)"
    rule: redirect-uri-plain-http
    reason: "Intranet only, behind the VPN; replaced in Q3"
    owner: "it-security@example.com"
    expires: "2099-06-30"
`;

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'idc-e2e-policy-'));
  policyPath = join(folder, 'idc-audit.yaml');
  await writeFile(policyPath, policy);
  stack = await startStack({ defaultConnection: true, env: { IDC_AUDIT_POLICY: policyPath } });
});
test.afterAll(async () => {
  await stack.close();
  await rm(folder, { recursive: true, force: true });
});

async function expectNoAxeViolationsIn(page: Page, selector: string, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`,
  );
  expect.soft(summary, `axe violations on ${what}`).toEqual([]);
}

/** One element (the dialog, the Accepted list) rather than the whole page. */
async function saveViewShot(target: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const file = join(testInfo.project.outputDir, 'screenshots', `${name}.png`);
  await mkdir(dirname(file), { recursive: true });
  await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** What the server says of its policy file now (`active`, `invalid`, …). */
async function policyStatus(page: Page): Promise<string> {
  const response = await page.request.get(`${stack.baseURL}/api/audit/policy`);
  return ((await response.json()) as { status: string }).status;
}

async function openFindings(page: Page): Promise<void> {
  await page.goto(`${stack.baseURL}/findings`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Checking the inventory' })).toHaveCount(0, {
    timeout: 30_000,
  });
}

test('a finding accepted in idc-audit.yaml leaves the open counts and is listed under Accepted', async ({
  page,
}) => {
  await openFindings(page);
  // Four high findings without the policy (see findings.spec.ts); the accepted one is not counted.
  await expect(page.getByRole('heading', { level: 2, name: /high findings?$/ })).toHaveText(
    /3 high findings/,
  );
  const accepted = page.getByRole('region', { name: 'Accepted (1)' });
  await expect(accepted).toContainText('Redirect URI uses plain http to a non-loopback host');
  await expect(accepted).toContainText('Intranet only, behind the VPN; replaced in Q3');
  await expect(accepted).toContainText(
    'accepted in idc-audit.yaml; owner it-security@example.com; until 2099-06-30',
  );
  await expect(accepted.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  // Its client's page lists it apart too.
  await accepted.getByRole('link', { name: 'Intranet timesheets (plain HTTP)' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Intranet timesheets (plain HTTP)' }),
  ).toBeVisible();
  const findings = page.getByRole('region', { name: /^Findings/ });
  await expect(findings).toContainText('Accepted (1)');
  await expect(findings).toContainText('accepted in idc-audit.yaml');

  // The grid's filter agrees: three clients with high findings or worse are left.
  await page.goto(`${stack.baseURL}/clients?severity=high`);
  await waitForInventory(page);
  await expect(dataRows(page)).toHaveCount(3);
});

test('a risk accepted in the dashboard leaves the open counts, is listed under Accepted, and Revoke returns it', async ({
  page,
}, testInfo) => {
  // Eight axe scans and screenshots: more than the default minute on a busy machine.
  test.slow();
  await openFindings(page);
  const highHeading = page.getByRole('heading', { level: 2, name: /high findings?$/ });
  await expect(highHeading).toHaveText(/3 high findings/);
  const highSection = page.getByRole('region', { name: /high findings?$/ });
  const firstMatch = highSection.getByRole('listitem').first();
  const subject = (await firstMatch.getByRole('link').first().textContent()) ?? '';
  await firstMatch.getByRole('button', { name: /^Accept risk…/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Accept risk' });
  await expect(dialog).toContainText(subject);
  // Nothing typed: each field says what it needs, under itself.
  await dialog.getByLabel('Owner').fill('');
  await dialog.getByRole('button', { name: 'Accept risk', exact: true }).click();
  await expect(dialog.getByText('Say why the risk is accepted.')).toBeVisible();
  await expect(dialog.getByText('Say who owns the risk.')).toBeVisible();
  const until = dialog.getByLabel('Accepted until');
  // About 90 days ahead by default; a year and a day is refused.
  const defaultUntil = await until.inputValue();
  expect(Date.parse(defaultUntil) - Date.now()).toBeGreaterThan(88 * 86_400_000);
  await until.fill(new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10));
  await dialog.getByLabel('Reason').fill('Reviewed by security: the redirect target is ours');
  await dialog.getByLabel('Owner').fill('app-owner@example.com');
  await dialog.getByRole('button', { name: 'Accept risk', exact: true }).click();
  await expect(dialog.getByText(/Accepted until must be at most one year ahead/)).toBeVisible();
  await until.fill(defaultUntil);

  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await expectNoAxeViolationsIn(
        page,
        '[role="dialog"]',
        `the Accept risk dialog (${theme}, ${width} px)`,
      );
      await saveScreenshot(page, testInfo, `accept-risk-dialog-${theme}-${width}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole('button', { name: 'Accept risk', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // Out of the open counts, into Accepted, with who, why and until when.
  await expect(highHeading).toHaveText(/2 high findings/);
  const accepted = page.getByRole('region', { name: 'Accepted (2)' });
  await expect(accepted).toContainText('Reviewed by security: the redirect target is ours');
  await expect(accepted).toContainText(`owner app-owner@example.com; until ${defaultUntil}`);
  await expect(accepted).toContainText('accepted in idc-audit.yaml');
  await expect(accepted.getByRole('button', { name: /^Revoke/ })).toHaveCount(1);
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await expectNoAxeViolationsIn(page, 'main', `findings with an accepted risk (${theme}, ${width} px)`);
      await saveViewShot(accepted, testInfo, `accepted-findings-${theme}-${width}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // The grid agrees, and so does the client's page.
  await page.goto(`${stack.baseURL}/clients?severity=high`);
  await waitForInventory(page);
  await expect(dataRows(page)).toHaveCount(2);
  await page.goto(`${stack.baseURL}/findings`);
  await page
    .getByRole('region', { name: 'Accepted (2)' })
    .getByRole('link', { name: subject, exact: true })
    .click();
  const clientFindings = page.getByRole('region', { name: /^Findings/ });
  await expect(clientFindings).toContainText('Accepted (1)');
  await expect(clientFindings).toContainText('Reviewed by security: the redirect target is ours');

  // Revoked, it is open again everywhere.
  await clientFindings.getByRole('button', { name: /^Revoke/ }).click();
  await expect(clientFindings).not.toContainText('Accepted (1)');
  await expect(clientFindings.getByRole('button', { name: /^Accept risk…/ }).first()).toBeVisible();
  await openFindings(page);
  await expect(highHeading).toHaveText(/3 high findings/);
  await expect(page.getByRole('region', { name: 'Accepted (1)' })).toBeVisible();
});

test('an invalid file keeps the previous policy, and a banner says why', async ({ page }, testInfo) => {
  await writeFile(policyPath, `${policy}disabledRules: [no-such-rule]\n`);
  await expect.poll(() => policyStatus(page)).toBe('invalid');
  await openFindings(page);
  const banner = page.getByRole('alert').filter({ hasText: 'was refused' });
  await expect(banner).toContainText('The audit policy file idc-audit.yaml was refused');
  await expect(banner).toContainText('The previous version of the policy stays in force');
  await expect(banner).toContainText('idc-audit.yaml:7:17: disabledRules[0]: is not a rule id');
  await expect(page.getByRole('region', { name: 'Accepted (1)' })).toBeVisible();

  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      // At 390 px the app bar's links overflow the bar (the responsive layout is not part of this change): the
      // narrow scan covers the page's own content.
      if (width === 1440) await expectNoAxeViolations(page, `findings with a refused policy (${theme})`);
      else
        await expectNoAxeViolationsIn(page, 'main', `findings with a refused policy (${theme}, ${width} px)`);
      await saveScreenshot(page, testInfo, `findings-policy-${theme}-${width}`);
    }
  }

  // Fixed, the file is in force again without a restart, and the banner goes.
  await writeFile(policyPath, policy);
  await expect.poll(() => policyStatus(page)).toBe('active');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Accepted (1)' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'was refused' })).toHaveCount(0);
});
