// `backcheck serve` walked in a real browser: Debian's Chromium driven by
// playwright-core, by clicking and by typing, with JavaScript on and off, at
// 360 px (a phone) and 1280 px, and every kind of page audited by axe-core.
// Run by tests/browser/run.sh (from .ci/run), which starts the server and
// hands its address in BACKCHECK_URL. A browser that cannot start is a
// failure, never a skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BASE = process.env.BACKCHECK_URL;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOTS;
const WIDTHS = [360, 1280];
const HEIGHT = { 320: 640, 360: 740, 1280: 800 };

let browser;

before(async () => {
  assert.ok(BASE, 'BACKCHECK_URL names the server (tests/browser/run.sh sets it)');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/// A fresh page (its own context: no shared history or cache).
async function open(width, javaScript) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT[width] },
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  const response = await page.goto(BASE + '/');
  assert.equal(response.status(), 200);
  return page;
}

/// The answers field of the page, as the server will read it back.
async function state(page) {
  return page.locator('input[name=state]').first().getAttribute('value');
}

/// The answers recorded so far: `[id, value]` pairs.
async function answers(page) {
  const list = (await state(page)).split('|')[1];
  return list ? list.split(',').map((pair) => pair.split('=')) : [];
}

async function lastAnswer(page) {
  return (await answers(page)).at(-1);
}

/// Answers the question on screen as a person would: the button of that
/// answer, the boxes to tick (`a+b`), or the number typed in its field.
async function give(page, value) {
  const before = (await answers(page)).length;
  const choice = page.locator(`button[name=choice][value="${value}"]`);
  if ((await choice.count()) === 1) {
    await choice.click();
  } else if ((await page.locator('input[name=many]').count()) > 0) {
    for (const one of value.split('+')) {
      await page.locator(`input[name=many][value="${one}"]`).check();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
  } else {
    await page.getByLabel(/A whole number/).fill(value);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  assert.equal((await answers(page)).length, before + 1, `${value} was taken`);
  assert.equal((await lastAnswer(page))[1], value);
}

/// Types `words` in the "own words" box and sends them.
async function type(page, words) {
  await page.getByLabel('Or answer in your own words').fill(words);
  await page.getByRole('button', { name: 'Send' }).click();
}

async function walk(page, values) {
  for (const value of values) await give(page, value);
}

/// No part of the page is wider than the window (no sideways scrolling).
async function fitsWidth(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `page is ${scroll} px wide in a ${width} px window`);
}

const audited = new Set();

/// axe-core's WCAG 2.x A/AA rules (2.2 included): no serious or critical
/// violation. Run through the debugging protocol, which the page's CSP
/// (no script) does not govern; with JavaScript off, axe cannot run, so each
/// kind of page is audited in the JavaScript-on walks.
async function audit(page, kind, width) {
  const results = await page.evaluate(async (source) => {
    // eslint-disable-next-line no-eval
    (0, eval)(source);
    return window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
  }, AXE);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe on ${kind} at ${width} px`,
  );
  audited.add(`${kind}@${width}`);
  audits.push({ kind, width, passes: results.passes.length, violations: results.violations.length });
}
const audits = [];

/// The screenshots docs/screenshots keeps (the README shows one): a few,
/// each at the width where it says most.
const SHOWN = new Set([
  'question-360', 'screen-360', 'check-back-360', 'emergency-360',
  'asked-back-1280', 'check-back-1280', 'multiple-1280', 'result-treat-1280', 'print-1280',
]);

async function shot(page, name) {
  if (SHOTS && SHOWN.has(name)) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const STRAIN = [
  'self_pain', 'yes', '34', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'none',
  'none', 'none', 'acute', 'none', 'none', 'sitting',
];

for (const width of WIDTHS) {
  for (const javaScript of [true, false]) {
    const how = `${width} px, JavaScript ${javaScript ? 'on' : 'off'}`;

    test(`a simple strain is walked by clicking to a treat result (${how})`, async () => {
      const page = await open(width, javaScript);
      assert.match(await page.title(), /^Question 1 - backcheck$/);
      await fitsWidth(page, width);
      if (javaScript) await audit(page, 'question (single choice)', width);
      if (!javaScript) await shot(page, `question-${width}`);
      await walk(page, STRAIN.slice(0, 2));
      if (javaScript) await audit(page, 'question (yes/no, answers so far)', width);
      await walk(page, STRAIN.slice(2));
      const result = page.locator('section.result');
      await assert.doesNotReject(result.waitFor());
      assert.match(await result.getAttribute('class'), /\btreat\b/);
      assert.match(await page.locator('h1').innerText(), /MASSAGE/i);
      assert.match(await page.title(), /backcheck$/);
      await fitsWidth(page, width);
      // The safety line and the disclaimer are on the result too.
      assert.ok(await page.locator('footer .call').isVisible());
      if (javaScript) await audit(page, 'result (treat)', width);
      if (!javaScript) await shot(page, `result-treat-${width}`);
      // The report downloads as a file, in Markdown or as a web page.
      for (const [name, extension] of [['Markdown', 'md'], ['web page', 'html']]) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: `Download the report (${name})` }).click();
        const file = await download;
        assert.equal(file.suggestedFilename(), `backcheck-report.${extension}`);
        const text = readFileSync(await file.path(), 'utf8');
        assert.match(text, /# backcheck report/);
        assert.match(text, /34/);
        if (extension === 'html' && javaScript) {
          // Opened as the person would open it: a file named .html.
          const saved = join(mkdtempSync(join(tmpdir(), 'backcheck-')), file.suggestedFilename());
          await file.saveAs(saved);
          const report = await page.context().newPage();
          await report.goto(`file://${saved}`);
          assert.match(await report.title(), /backcheck report/);
          await fitsWidth(report, width);
          await audit(report, 'report (web page)', width);
          await report.close();
          rmSync(dirname(saved), { recursive: true });
        }
      }
      // Printed: the result, the answers and the safety lines, no buttons.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await result.isVisible());
      assert.ok(await page.locator('.so-far li').first().isVisible());
      assert.ok(await page.locator('footer .call').isVisible());
      assert.equal(await page.locator('button:visible').count(), 0);
      assert.equal(await page.getByText('To print this result').isVisible(), false);
      if (!javaScript) await shot(page, `print-${width}`);
      await page.emulateMedia({ media: 'screen' });
      await page.context().close();
    });

    test(`"not sure" on a red flag is never taken as no (${how})`, async () => {
      const page = await open(width, javaScript);
      await walk(page, ['self_pain', 'yes', '55', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no']);
      // The history screen: a box a finding, "None of these" and "Not
      // sure" among them, under its section.
      assert.equal(await page.locator('input[type=checkbox][name=many]').count(), 8);
      assert.ok(await page.locator('h2.section').isVisible());
      if (javaScript) await audit(page, 'question (screen)', width);
      if (!javaScript) await shot(page, `screen-${width}`);
      // "Not sure" by its box: each item is then asked on its own.
      await give(page, 'unsure');
      assert.deepEqual(await lastAnswer(page), ['history_screen', 'unsure']);
      // Typed doubt on the next red flag is read as "not sure", and said back.
      await type(page, "I don't know");
      assert.deepEqual(await lastAnswer(page), ['cancer', 'unsure']);
      const result = page.locator('section.result');
      assert.match(await result.getAttribute('class'), /\burgent\b/);
      await fitsWidth(page, width);
      if (javaScript) await audit(page, 'result (urgent)', width);
      await page.context().close();
    });

    test(`back and change an earlier answer (${how})`, async () => {
      const page = await open(width, javaScript);
      await walk(page, ['self_pain', 'yes', '34', 'no', 'no']);
      await page.getByRole('button', { name: 'Back' }).click();
      assert.match(await page.locator('.said').innerText(), /undone/);
      assert.equal((await answers(page)).length, 4);
      // Change the age (answer 3) from the list of answers so far.
      await page.getByRole('button', { name: 'Change answer 3' }).click();
      assert.deepEqual(await answers(page), [['opening', 'self_pain'], ['back_pain', 'yes']]);
      assert.match(await page.locator('.said').innerText(), /Answer question 3 again/);
      await give(page, '60');
      assert.deepEqual(await lastAnswer(page), ['how_old', '60']);
      // The list shows the new answer, not the old one.
      const soFar = await page.locator('.so-far').innerText();
      assert.match(soFar, /60/);
      assert.doesNotMatch(soFar, /34/);
      if (javaScript) await audit(page, 'question (after change, notice)', width);
      await page.context().close();
    });

    test(`an emergency fills the top of a phone's screen (${how})`, async () => {
      const page = await open(width, javaScript);
      await walk(page, ['self_pain', 'yes', '41', 'no']);
      // Typed on the saddle question: read as yes, which would end the walk
      // in an emergency, so the reading is checked back first.
      await type(page, 'yes, a bit numb');
      const check = page.locator('.check');
      await assert.doesNotReject(check.waitFor());
      assert.match(await check.innerText(), /I understood “Yes”/);
      if (javaScript) await audit(page, 'question (check-back)', width);
      if (!javaScript) await shot(page, `check-back-${width}`);
      await page.getByRole('button', { name: 'Yes, that is right' }).click();
      const banner = page.locator('section.result.emergency');
      await assert.doesNotReject(banner.waitFor());
      assert.equal(await banner.getAttribute('role'), 'alert');
      assert.match(await banner.locator('h1').innerText(), /EMERGENCY/);
      // Seen without scrolling: the banner's top and its call line in view.
      const box = await banner.boundingBox();
      assert.ok(box.y < 200, `banner starts at ${box.y} px`);
      const call = banner.getByText(/Call emergency services now/).first();
      const line = await call.boundingBox();
      assert.ok(line.y + line.height <= HEIGHT[width], `call line ends at ${line.y + line.height} px`);
      await fitsWidth(page, width);
      if (javaScript) await audit(page, 'result (emergency)', width);
      if (!javaScript) await shot(page, `emergency-${width}`);
      await page.context().close();
    });

    test(`a multiple-choice screen is answered with boxes (${how})`, async () => {
      const page = await open(width, javaScript);
      await walk(page, ['self_pain', 'yes', '58', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'none']);
      assert.equal(await page.locator('input[type=checkbox][name=many]').count() > 2, true);
      if (javaScript) await audit(page, 'question (choose all that apply)', width);
      if (!javaScript) await shot(page, `multiple-${width}`);
      // Nothing ticked: asked again, with a reason.
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.match(await page.locator('.unclear').innerText(), /tick at least one box/);
      assert.equal((await answers(page)).length, 12);
      // "None" with another: refused, never half-taken.
      await page.locator('input[name=many][value=none]').check();
      await page.locator('input[name=many][value=diabetes]').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal((await answers(page)).length, 12);
      assert.ok(await page.locator('.unclear').isVisible());
      if (javaScript) await audit(page, 'question (refused answer)', width);
      await give(page, 'infection+procedure');
      assert.match(await page.locator('section.result').getAttribute('class'), /\burgent\b/);
      await page.context().close();
    });

    test(`typed words are said back, and a hedged no is asked again (${how})`, async () => {
      const page = await open(width, javaScript);
      await type(page, 'my own back');
      assert.deepEqual(await lastAnswer(page), ['opening', 'self_pain']);
      await type(page, 'yes, low down');
      assert.deepEqual(await lastAnswer(page), ['back_pain', 'yes']);
      await type(page, '34');
      assert.deepEqual(await lastAnswer(page), ['how_old', '34']);
      await type(page, 'nope');
      assert.deepEqual(await lastAnswer(page), ['pregnancy', 'no']);
      assert.match(await page.locator('.said').innerText(), /→ No/);
      // A safety question answered with a hedge: the reader asks back.
      await type(page, 'I think not');
      assert.equal((await answers(page)).length, 4);
      const asked = await page.locator('.unclear').innerText();
      assert.match(asked, /I think not/);
      assert.match(asked, /plainly/);
      assert.equal(await page.getByLabel('Or answer in your own words').inputValue(), '');
      if (javaScript) await audit(page, 'question (asked back)', width);
      if (!javaScript) await shot(page, `asked-back-${width}`);
      await type(page, 'no');
      assert.deepEqual(await lastAnswer(page), ['saddle_numbness', 'no']);
      // "Why we ask" opens on a request for help.
      await type(page, 'what do you mean?');
      assert.ok(await page.locator('details[open]').isVisible());
      await page.context().close();
    });

    test(`a tampered answers field gets a clear page, and an unknown address a 404 (${how})`, async () => {
      const page = await open(width, javaScript);
      await page.locator('input[name=state]').first().evaluate((input) => {
        input.value = input.value.replace('|', '|opening=everything,');
      }).catch(async () => {
        // With JavaScript off the field cannot be edited in the page:
        // post the tampered form from the browser's own request instead.
      });
      if (javaScript) {
        await page.getByRole('button', { name: 'Me: it is my own pain' }).click();
      } else {
        const hash = (await state(page)).split('|')[0];
        await page.setContent(`<form method="post" action="${BASE}/step"><input name="state" value="${hash}|opening=everything"><button>go</button></form>`);
        await page.getByRole('button', { name: 'go' }).click();
      }
      assert.match(await page.locator('h1').innerText(), /could not be read/);
      assert.ok(await page.getByRole('link', { name: /Start the assessment again/ }).isVisible());
      if (javaScript) await audit(page, 'problem page (400)', width);
      const missing = await page.goto(BASE + '/no-such-page');
      assert.equal(missing.status(), 404);
      if (javaScript) await audit(page, 'problem page (404)', width);
      await page.context().close();
    });
  }
}

test('keyboard only: the skip link, then the answers, each focus visible', async () => {
  const page = await open(360, false);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the question');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { text: element.textContent, outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
  assert.equal(focused.text, 'Me: it is my own pain');
  assert.equal(focused.outline, 'solid 4px');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/step$/);
  assert.deepEqual(await lastAnswer(page), ['opening', 'self_pain']);
  // The lower back question by its "Yes" button, with the keyboard too.
  await page.getByRole('button', { name: 'Yes', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.title.startsWith('Question 3'));
  assert.deepEqual(await lastAnswer(page), ['back_pain', 'yes']);
  // The number field takes typed digits and Enter.
  await page.getByLabel(/A whole number/).focus();
  await page.keyboard.type('34');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.title.startsWith('Question 4'));
  assert.deepEqual(await lastAnswer(page), ['how_old', '34']);
  await page.context().close();
});

test('every page of a walk reflows at 320 px (1280 px at 400 % zoom)', async () => {
  const page = await open(320, false);
  await fitsWidth(page, 320);
  for (const value of STRAIN) {
    await give(page, value);
    await fitsWidth(page, 320);
  }
  assert.match(await page.locator('section.result').getAttribute('class'), /\btreat\b/);
  await page.context().close();
});

test('every kind of page was audited at both widths', () => {
  for (const kind of ['question (single choice)', 'question (screen)', 'question (choose all that apply)', 'question (asked back)', 'question (check-back)', 'result (treat)', 'result (emergency)', 'report (web page)', 'problem page (400)', 'problem page (404)']) {
    for (const width of WIDTHS) assert.ok(audited.has(`${kind}@${width}`), `${kind} at ${width} px`);
  }
  console.log(`# axe audits: ${audits.length}, serious or critical: 0`);
  for (const a of audits) console.log(`#   ${a.kind} @ ${a.width}: ${a.passes} rules pass, ${a.violations} minor violations`);
});
