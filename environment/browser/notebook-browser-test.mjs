// Real-browser test of the Coreloss kernel: Debian's chromium, driven by puppeteer-core, against Jupyter
// Notebook on 127.0.0.1 (started by environment/browser-test, which passes URL, token and folders).
//
// For each notebook (copies, so that the repository's notebooks stay without outputs): open it, choose
// the "Java (Coreloss)" kernel from the Kernel menu, Cell > Run All, wait until every cell ran, then check
// that every output rendered: every <img> loaded (naturalWidth > 0), every inline <svg> has a size, and
// no error output outside cells tagged raises-exception. On the tour it then runs a runaway cell
// (`while (true) { }`), interrupts it from the Kernel menu, checks the error and that the next cell sees
// earlier state, restarts the kernel from the menu and runs a cell again. Full-page screenshots go to
// OUT (build/browser/). Prints `BROWSER OK <check>` lines; exits 1 on the first failure.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';

const [baseUrl, token, outDir, chromium, userDataDir, ...notebooks] = process.argv.slice(2);
if (!notebooks.length) {
  console.error('usage: notebook-browser-test.mjs URL TOKEN OUT_DIR CHROMIUM USER_DATA_DIR NOTEBOOK...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ok = (what) => console.log(`BROWSER OK ${what}`);
function fail(what) { throw new Error(what); }

async function waitFor(page, fn, timeoutMs, what, ...args) {
  const t0 = Date.now();
  for (;;) {
    if (await page.evaluate(fn, ...args)) return (Date.now() - t0) / 1000;
    if (Date.now() - t0 > timeoutMs) fail(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await sleep(250);
  }
}

const kernelIdle = () => {
  const k = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel;
  return !!(k && k.is_connected() && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'));
};

async function clickMenu(page, linkId, itemId) {
  // the real menus of Notebook 6: open the drop-down, then click the entry's link
  await page.click(`#${linkId}`);
  await page.waitForSelector(`#${itemId} > a`, { visible: true, timeout: 5000 });
  await page.click(`#${itemId} > a`);
}

// Full-page screenshot (Notebook 6 scrolls inside #site, so it is unrolled first) and one screenshot per
// figure (every top-level <img> and <svg> in an output), so each figure can be checked at 100 % zoom.
async function screenshots(page, base) {
  await page.evaluate(() => {
    const site = document.getElementById('site');
    site.dataset.h = site.style.height;
    site.style.height = 'auto';
    site.style.overflow = 'visible';
    document.body.style.overflow = 'visible';
  });
  await page.screenshot({ path: path.join(outDir, `${base}.png`), fullPage: true });
  await page.evaluate(() => {
    const site = document.getElementById('site');
    site.style.height = site.dataset.h || '';
    site.style.overflow = '';
    document.body.style.overflow = '';
  });
  const figures = [];
  for (const el of await page.$$('.output_area img, .output_area svg')) {
    if (await el.evaluate((e) => !e.parentElement.closest('svg'))) figures.push(el);
  }
  for (let i = 0; i < figures.length; i++) {
    await figures[i].evaluate((e) => e.scrollIntoView());
    await figures[i].screenshot({ path: path.join(outDir, `${base}-figure-${i + 1}.png`) });
  }
  return figures.length;
}

async function runCell(page, code) {
  // a new cell at the end, executed with the notebook's own API (as Shift+Enter does)
  return page.evaluate((src) => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom('code');
    cell.set_text(src);
    nb.select(nb.find_cell_index(cell));
    cell.execute();
    return nb.find_cell_index(cell);
  }, code);
}

const cellDone = (i) => {
  const c = Jupyter.notebook.get_cell(i);
  return c.input_prompt_number !== '*' && c.input_prompt_number !== undefined && c.input_prompt_number !== null;
};
const cellText = (i) => Jupyter.notebook.get_cell(i).output_area.outputs
  .map((o) => (o.text || '') + ((o.data && o.data['text/plain']) || '') + (o.ename ? `${o.ename}: ${o.evalue}` : ''))
  .join('\n');

async function checkNotebook(browser, name) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}/notebooks/${encodeURIComponent(name)}?token=${token}`, { waitUntil: 'networkidle2', timeout: 120000 });
  await waitFor(page, () => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded), 60000, 'notebook loaded');
  // choose the kernel explicitly from the Kernel menu
  await page.click('#kernellink');
  await page.waitForSelector('#menu-change-kernel > a', { visible: true, timeout: 5000 });
  await page.hover('#menu-change-kernel > a');
  await page.waitForSelector('#kernel-submenu-coreloss > a', { visible: true, timeout: 5000 });
  await page.click('#kernel-submenu-coreloss > a');
  const started = await waitFor(page, () => {
    const k = Jupyter.notebook.kernel;
    return k && k.name === 'coreloss' && k.is_connected() && !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
  }, 120000, 'coreloss kernel started');
  ok(`${name}: coreloss kernel chosen from the menu and idle after ${started.toFixed(1)} s`);

  // Cell > Run All, then wait until no cell is queued or running
  await clickMenu(page, 'celllink', 'run_all_cells');
  await sleep(1000);
  const ran = await waitFor(page, () => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const busy = cells.some((c) => c.input_prompt_number === '*');
    return !busy && !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
  }, 900000, `${name}: run all`);
  const report = await page.evaluate(() => {
    const out = { cells: 0, notRun: [], badErrors: [], images: 0, brokenImages: [], svgs: 0, smallSvgs: [] };
    Jupyter.notebook.get_cells().forEach((c, i) => {
      if (c.cell_type !== 'code' || !c.get_text().trim()) return;
      out.cells++;
      const tags = (c.metadata && c.metadata.tags) || [];
      if (c.input_prompt_number === undefined || c.input_prompt_number === null) out.notRun.push(i);
      for (const o of c.output_area.outputs) {
        if (o.output_type === 'error' && !tags.includes('raises-exception')) out.badErrors.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
      }
    });
    document.querySelectorAll('.output_area img').forEach((img) => {
      out.images++;
      if (!(img.complete && img.naturalWidth > 0)) out.brokenImages.push(img.src.slice(0, 60));
    });
    document.querySelectorAll('.output_area svg').forEach((s) => {
      if (s.closest('svg') !== s) return; // nested svg elements
      out.svgs++;
      const r = s.getBoundingClientRect();
      if (!(r.width >= 300 && r.height > 50)) out.smallSvgs.push(`${Math.round(r.width)}x${Math.round(r.height)}`);
    });
    return out;
  });
  const shots = await screenshots(page, name.replace(/\.ipynb$/, ''));
  ok(`${name}: screenshots of the notebook and of its ${shots} figures in ${outDir}`);
  if (report.notRun.length) fail(`${name}: cells not run: ${report.notRun.join(', ')}`);
  if (report.badErrors.length) fail(`${name}: errors outside raises-exception cells:\n${report.badErrors.join('\n')}`);
  if (report.brokenImages.length) fail(`${name}: images that did not load: ${report.brokenImages.join(', ')}`);
  if (report.smallSvgs.length) fail(`${name}: inline SVG figures without a readable size: ${report.smallSvgs.join(', ')}`);
  if (report.images + report.svgs === 0) fail(`${name}: no figure rendered`);
  ok(`${name}: run all in ${ran.toFixed(1)} s, ${report.cells} cells, ${report.images} images loaded, ${report.svgs} inline SVG figures, no unexpected error`);
  return { page, errors };
}

async function interruptAndRestart(page, name) {
  const marker = await runCell(page, 'int beforeRunaway = 41;');
  await waitFor(page, cellDone, 60000, 'state cell', marker);
  const runaway = await runCell(page, 'while (true) { }');
  await waitFor(page, (i) => Jupyter.notebook.get_cell(i).input_prompt_number === '*', 30000, 'runaway cell started', runaway);
  await sleep(1500);
  const t0 = Date.now();
  await clickMenu(page, 'kernellink', 'int_kernel');
  await waitFor(page, cellDone, 30000, 'runaway cell stopped after the interrupt', runaway);
  const stoppedS = (Date.now() - t0) / 1000;
  const text = await page.evaluate(cellText, runaway);
  if (!/interrupt/i.test(text)) fail(`runaway cell output does not mention the interrupt: ${text}`);
  ok(`${name}: runaway cell stopped ${stoppedS.toFixed(1)} s after Kernel > Interrupt`);
  const after = await runCell(page, 'beforeRunaway + 1');
  await waitFor(page, cellDone, 60000, 'cell after the interrupt', after);
  const afterText = await page.evaluate(cellText, after);
  if (afterText.trim() !== '42') fail(`after the interrupt: expected 42, got ${afterText}`);
  ok(`${name}: kernel state intact after the interrupt (42)`);
  await page.screenshot({ path: path.join(outDir, `${name.replace(/\.ipynb$/, '')}-interrupted.png`) });

  await clickMenu(page, 'kernellink', 'restart_kernel');
  const confirm = await page.waitForSelector('.modal-dialog .btn-danger, .modal-dialog .btn-primary', { visible: true, timeout: 10000 });
  await confirm.click();
  await sleep(1000);
  const restarted = await waitFor(page, kernelIdle, 120000, 'kernel idle after restart');
  const again = await runCell(page, 'String after = "restarted"; after');
  await waitFor(page, cellDone, 60000, 'cell after restart', again);
  const againText = await page.evaluate(cellText, again);
  if (!againText.includes('restarted')) fail(`after the restart: got ${againText}`);
  ok(`${name}: Kernel > Restart, idle after ${restarted.toFixed(1)} s, next cell ran`);
  await page.screenshot({ path: path.join(outDir, `${name.replace(/\.ipynb$/, '')}-restarted.png`) });
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${userDataDir}`],
});
let status = 0;
try {
  for (const name of notebooks) {
    const { page, errors } = await checkNotebook(browser, name);
    if (name === notebooks[0]) await interruptAndRestart(page, name);
    // leave without saving: close the kernel session so no kernel is left running
    await page.evaluate(() => Jupyter.notebook.session.delete());
    if (errors.length) console.log(`BROWSER NOTE ${name}: page errors: ${errors.join(' | ')}`);
    await page.close();
  }
} catch (e) {
  console.error(`BROWSER FAILED ${e.message}`);
  status = 1;
} finally {
  await browser.close();
}
process.exit(status);
