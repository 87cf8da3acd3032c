// End-to-end test of the `wenfeng serve` page in Debian's headless Chromium, driven by
// playwright-core (installed by scripts/bootstrap into node_modules beside this file).
//
//   node page_test.mjs --binary build/wenfeng --source . [--screenshot out.png]
//
// Starts the real server on a free port, uploads a DOCX sample as a person would (the file
// chooser), waits for the findings, and checks the page against the command line's JSON
// report for the same file: every finding marked at exactly its paragraph, column and
// length, the counts and the limit bar, the findings by rule; downloads the JSON report
// (byte-identical to the CLI's); switches profile; downloads the annotated DOCX (comments,
// the same 汉字 when read back); uses the keyboard; checks pasted text. Prints
// "N passed, M failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const source = resolve(arg('--source', join(here, '../../..')));
const binary = resolve(arg('--binary', join(source, 'build/wenfeng')));
const screenshot = arg('--screenshot', '');
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

let playwright;
try {
  playwright = await import('playwright-core');
} catch {
  console.log('SKIP: playwright-core is not installed (scripts/bootstrap installs it into tests/serve/browser/node_modules)');
  process.exit(77);
}
if (!chromiumPath) {
  console.log('SKIP: Chromium is not installed (scripts/bootstrap installs the Debian package chromium)');
  process.exit(77);
}

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL: ${what}${detail ? ' — ' + detail : ''}`);
  }
}

function cli(args, stdinFile) {
  const r = spawnSync(binary, args, { input: stdinFile ? readFileSync(stdinFile) : undefined, cwd: tmpdir() });
  return r.stdout;
}

// The server, on a free port; resolves with its base URL.
function startServer() {
  const proc = spawn(binary, ['serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('server did not start within 20 s')), 20000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        ok({ proc, base: m[0] });
      }
    });
    proc.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}

const sample = join(source, 'samples/jinxiang/research-main-long.docx');
const sampleName = 'research-main-long.docx';
const profileDir = mkdtempSync(join(tmpdir(), 'wenfeng-chromium-'));
const { proc, base } = await startServer();
let context;
try {
  context = await playwright.chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-proxy-server'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url()); });

  await page.goto(base);
  await page.waitForFunction(() => document.querySelectorAll('#profile option').length > 1);
  check(await page.title() === '文风 · 公文、新闻稿、简报检查', 'page title is Chinese');

  // Waits for the n-th completed check.
  const waitChecks = (n) => page.waitForFunction((k) => Number(document.getElementById('status').dataset.checks || 0) >= k &&
      document.getElementById('status').dataset.state !== 'busy', n, { timeout: 30000 });

  // ---- upload a DOCX against jinxiang ----
  await page.selectOption('#profile', 'jinxiang');
  await page.setInputFiles('#file', sample);
  await waitChecks(1);
  check(await page.getAttribute('#status', 'data-state') === 'done', 'check finishes', await page.textContent('#status'));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  const cliJson = cli(['check', '--format', 'json', '--profile', 'jinxiang', '--stdin-filename', sampleName, '-'], sample);
  const report = JSON.parse(cliJson.toString('utf8')).files[0];
  check(report.findings.length > 0, 'the sample has findings');

  // Every finding: marked inside its paragraph at its column, over exactly its length.
  const marks = await page.evaluate(() => {
    const out = {};
    for (const p of document.querySelectorAll('#doc p[data-n]')) {
      let offset = 0;
      for (const node of p.childNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('label')) continue;
        const len = Array.from(node.textContent).length;
        if (node.nodeName === 'MARK') {
          for (const i of node.dataset.findings.split(' ')) {
            (out[i] ||= []).push({ paragraph: Number(p.dataset.n), start: offset, length: len, text: node.textContent });
          }
        }
        offset += len;
      }
    }
    return out;
  });
  report.findings.forEach((f, i) => {
    const m = marks[i] || [];
    check(m.length > 0, `finding ${i} (${f.rule}) is marked in place`);
    if (!m.length) return;
    check(m.every((x) => x.paragraph === f.paragraph), `finding ${i} is in paragraph ${f.paragraph}`, JSON.stringify(m));
    check(m[0].start === f.column - 1, `finding ${i} starts at column ${f.column}`, `mark at ${m[0].start + 1}`);
    const total = m.reduce((n, x) => n + x.length, 0);
    check(total === f.length, `finding ${i} covers ${f.length} characters`, `marks cover ${total}`);
    const text = m.map((x) => x.text).join('');
    check(f.length > 40 || f.excerpt.includes(text), `finding ${i}'s marked text is in its excerpt`, `${text} / ${f.excerpt}`);
  });

  // Counts and the limit bar.
  const num = async (sel) => Number((await page.textContent(sel)).replace(/[,，]/g, ''));
  check(await num('#count-zishu') === report.counts.zishu, '字数 matches the report');
  check(await num('#count-hanzi') === report.counts.hanzi, '汉字 matches the report');
  check(await num('#count-body') === report.body.figure, '正文字数 matches the report');
  check((await page.textContent('#count-pages')).startsWith(report.pages.estimate.toFixed(1)), 'pages match the report');
  const bar = await page.$('.meter[data-rule="length.body"]');
  check(bar !== null, 'a bar for the body limit');
  if (bar) {
    check(Number(await bar.getAttribute('data-figure')) === report.body.figure, 'the bar shows the body figure');
    const over = report.findings.find((f) => f.rule === 'length.body');
    check(over && Number(await bar.getAttribute('data-limit')) === Number(over.data.limit), 'the bar shows the limit of the finding');
    check(await bar.evaluate((b) => b.classList.contains('over')), 'the bar says over the limit');
    check((await bar.textContent()).includes(`超出 ${over.data.excess} 字`), 'the bar says by how much', await bar.textContent());
  }
  const kindLine = await page.textContent('#kind-line');
  check(kindLine.includes(report.kind.id) && kindLine.includes('推测'), 'the kind and that it was guessed are shown', kindLine);

  // Findings grouped by rule with counts.
  const groups = await page.$$eval('#groups > li[data-rule]', (ls) => ls.map((l) => [l.dataset.rule, Number(l.dataset.count)]));
  const want = {};
  for (const f of report.findings) want[f.rule] = (want[f.rule] || 0) + 1;
  check(JSON.stringify(Object.fromEntries(groups.sort())) === JSON.stringify(Object.fromEntries(Object.entries(want).sort())),
        'findings grouped by rule with counts', JSON.stringify(groups));

  // Hover shows message and source; keyboard: a mark takes focus and Enter opens its details.
  const first = report.findings[0];
  await page.hover('#doc mark');
  check((await page.textContent('#tip')).includes('依据'), 'hovering a mark shows its source');
  await page.focus('#doc mark');
  await page.keyboard.press('Enter');
  const detail = await page.textContent('#detail');
  check(await page.isVisible('#detail') && detail.includes(first.message), 'Enter on a mark shows its message', detail);
  check(detail.includes(first.source.issuer), 'the details name the source clause');
  await page.click('#next');
  check((await page.$$('mark.current')).length > 0, 'next moves to a finding');

  // The JSON download is the command line's report, byte for byte.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
  const saved = readFileSync(await dl.path());
  check(Buffer.compare(saved, cliJson) === 0, 'the downloaded JSON equals `wenfeng check --format json`');
  check(dl.suggestedFilename() === 'research-main-long.wenfeng.json', 'the JSON download is named after the draft');

  // ---- switch profile: the same file against national ----
  await page.selectOption('#profile', 'national');
  await waitChecks(2);
  const national = JSON.parse(cli(['check', '--format', 'json', '--profile', 'national', '--stdin-filename', sampleName, '-'], sample)).files[0];
  const shown = await page.$$eval('#groups > li[data-rule]', (ls) => ls.reduce((n, l) => n + Number(l.dataset.count), 0));
  check(shown === national.findings.length, 'after switching profile the findings are national\'s', `${shown} vs ${national.findings.length}`);
  check((await page.textContent('#kind-line')).includes(national.profile.name), 'the profile name follows the switch');
  check((await page.$('.meter[data-rule="length.body"]')) === null || national.kind.id !== report.kind.id, 'national has no jinxiang limit bar');

  // ---- the annotated DOCX ----
  check(!(await page.isDisabled('#dl-docx')), 'the DOCX button is enabled for a DOCX draft');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#dl-docx')]);
  const copyPath = await docx.path();
  const bytes = readFileSync(copyPath);
  check(bytes.subarray(0, 2).toString() === 'PK', 'the annotated copy is a DOCX (zip)');
  check(docx.suggestedFilename() === 'research-main-long.批注.docx', 'the copy is named after the draft', docx.suggestedFilename());
  const again = JSON.parse(cli(['count', '--format', 'json', '--stdin-filename', 'x.docx', '-'], copyPath)).files[0];
  check(again.counts && again.counts.hanzi === national.counts.hanzi, 'the annotated copy reads back with the same 汉字');
  const comments = spawnSync('unzip', ['-p', copyPath, 'word/comments.xml']).stdout.toString();
  check((comments.match(/<w:comment /g) || []).length >= 1, 'the annotated copy carries comments');

  // ---- pasted text ----
  await page.click('#paste-toggle');
  await page.fill('#paste-text', '关于做好防汛工作的通知\n各乡镇：\n现将有关事项通知如下,请认真贯彻执行.');
  await page.click('#run');
  await waitChecks(3);
  const halfwidth = await page.$$('#doc mark.error');
  check(halfwidth.length >= 2, 'pasted text: half-width punctuation is marked', `${halfwidth.length} marks`);
  check(await page.isDisabled('#dl-docx') && (await page.textContent('#docx-note')).includes('DOCX'),
        'for pasted text the DOCX button is disabled with a note');

  check(pageErrors.length === 0, 'no script errors on the page', pageErrors.join('; '));
  check(outside.length === 0, 'the page loads nothing from elsewhere', outside.join(', '));
} catch (e) {
  failed++;
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
} finally {
  if (context) await context.close();
  proc.kill('SIGTERM');
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
