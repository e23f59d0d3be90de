/**
 * `npm run bench:ui`: the time from opening a folder of 1,000 transcripts (the benchmark's corpus,
 * scripts/bench/corpus.ts) in code-server to the Codes tree showing its counts, and where that time goes.
 *
 * It starts code-server with the extension loaded from this repository and headless Chromium (the harness of
 * the UI tests, test/vscode/harness; CODEBOOM_E2E_DIR names where scripts/e2e/setup.sh installed them), opens
 * the folder once to warm up (and to leave the Codes view open, so later windows restore it, as a researcher's
 * do), then opens it `--runs` times more, each in a new page whose extension host and language server start
 * afresh. The page records when the workbench appeared and when a row of the Codes tree first showed a count;
 * the extension and the server record their own steps in CODEBOOM_TIMING_FILE (server/src/node/timing.ts),
 * and the extension host's log says which activation event started the extension.
 *
 * Options: --runs N (5), --label NAME (the row of the history table; the commit by default), --baseline DIR
 * and --baseline-label NAME (another build of the extension, measured in turns with this one), --no-write,
 * --keep (keeps code-server's folder with its logs and each run's marks). A baseline is a built copy of another
 * commit: `git archive COMMIT | tar -x -C DIR`, node_modules linked into DIR, `npm run build` in DIR.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchOfflineBrowser } from '../harness/browser';
import { startCodeServer } from '../harness/codeServer';
import { findInstall, repoRoot } from '../harness/install';
import { sectionText, writeSection } from '../../../scripts/bench/benchmarksFile';
import { ensureCorpus } from '../../../scripts/bench/corpus';

const ROOT = repoRoot;
const SECTION = 'ui';

/**
 * Runs in the page before the workbench's own scripts: notes (in epoch milliseconds) when the workbench, the
 * Codes view, its welcome text and its first row with a count (`1,234 · 56 participants`) first appear.
 */
const PAGE_SCRIPT = `(() => {
  if (!location.href.startsWith('http')) return;
  const times = (window.__codeboomTimes = {});
  const now = () => performance.timeOrigin + performance.now();
  const check = () => {
    if (!times.workbench && document.querySelector('.monaco-workbench .part.sidebar')) times.workbench = now();
    const header = document.querySelector('.pane-header[aria-label^="Codes"]');
    const pane = header && header.closest('.pane');
    if (!pane) return;
    if (!times.codesView) times.codesView = now();
    const welcome = pane.querySelector('.welcome-view-content');
    if (!times.welcome && welcome && welcome.offsetParent !== null && (welcome.textContent || '').trim() !== '') times.welcome = now();
    if (!times.counts) {
      for (const d of pane.querySelectorAll('[role="treeitem"] .label-description')) {
        if (/^[0-9][0-9.,\\u00a0\\u202f ]* · /.test(d.textContent || '')) { times.counts = now(); break; }
      }
    }
    if (times.counts && observer) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'aria-label'] });
})();`;

interface PageTimes {
  workbench?: number;
  codesView?: number;
  welcome?: number;
  counts?: number;
}

interface Run {
  /** Milliseconds after the page's navigation started, for each step. */
  steps: Map<string, number>;
  /** The activation event that started the extension, as the extension host's log says. */
  activationEvent: string;
  /** Whether the Codes view was restored (true) or had to be opened with a click. */
  restored: boolean;
  loadBefore: number;
}

/** The steps of one run, in the order they happen, with the source of each. */
const STEPS: [key: string, label: string][] = [
  ['workbench', 'workbench shows (`.monaco-workbench` with its side bar)'],
  ['codesView', 'Codes view shows'],
  ['welcome', 'Codes view shows its welcome (no project yet)'],
  ['extension host started', 'extension host process started'],
  ['activation event', 'extension host decides to activate the extension (its log)'],
  ['extension loaded', 'extension bundle loaded'],
  ['activate', 'extension activated (`activate` called)'],
  ['codebook search done', 'codebook.yaml found in the workspace'],
  ['server starting', 'language server being started'],
  ['server process started', 'language server process started'],
  ['server loaded', 'language server bundle loaded'],
  ['server initialized', 'server answered `initialize`'],
  ['server indexing done', 'server indexed the 1,000 transcripts'],
  ['server indexed', 'client heard the index is ready (`projects`)'],
  ['tree asked', 'Codes tree asked for its rows (last time before the counts)'],
  ['tree counts', 'Codes tree got the counts (`codebookTree`)'],
  ['counts', 'a row of the Codes tree shows a count'],
];

function parseMarks(file: string): Map<string, number[]> {
  const marks = new Map<string, number[]>();
  if (!fs.existsSync(file)) return marks;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9.]+) (\d+) (.+)$/.exec(line);
    if (!m) continue;
    const list = marks.get(m[3]) ?? [];
    list.push(Number(m[1]));
    marks.set(m[3], list);
  }
  return marks;
}

/** The activation event and time of the newest `_doActivateExtension codeboom.codeboom` line in the extension host logs. */
function activationEvent(userDataDir: string): { event: string; at?: number } {
  const logs = path.join(userDataDir, 'logs');
  let found: { mtime: number; event: string; at: number } | undefined;
  const visit = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/exthost\.log$/.test(entry.name)) {
        const events = [...fs.readFileSync(full, 'utf8').matchAll(/^(\S+ \S+) \[info\] ExtensionService#_doActivateExtension codeboom\.codeboom, startup: \w+, activationEvent: '([^']+)'/gm)];
        const mtime = fs.statSync(full).mtimeMs;
        const last = events.at(-1);
        // The log's times are local ones.
        if (last && (!found || mtime > found.mtime)) found = { mtime, event: last[2], at: new Date(last[1].replace(' ', 'T')).getTime() };
      }
    }
  };
  visit(logs);
  return found ?? { event: 'unknown' };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (at most 15 s) until the processes that marked the timing file have ended. */
async function processesGone(file: string): Promise<void> {
  const pids = new Set<number>();
  if (fs.existsSync(file)) for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (/^\S+ (\d+) /.test(line)) pids.add(Number(line.split(' ')[1]));
  const deadline = Date.now() + 15_000;
  while ([...pids].some(pidAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

async function oneRun(page: Page, url: string, timingFile: string, userDataDir: string): Promise<Run> {
  fs.writeFileSync(timingFile, '');
  const loadBefore = os.loadavg()[0];
  await page.goto(url);
  const navigationStart = (await page.evaluate('performance.timeOrigin')) as number;
  // A window that does not restore the Codes view: the researcher opens it from the activity bar.
  const codes = page.locator('.pane-header[aria-label^="Codes"]');
  const explorer = page.locator('.explorer-folders-view');
  // The view's own header is hidden while it is the only view of its container, so look for it in the DOM.
  await codes.or(explorer).first().waitFor({ state: 'attached', timeout: 60_000 });
  const restored = (await codes.count()) > 0;
  if (!restored) await page.locator('.activitybar a.action-label[aria-label="Codeboom"]').click();
  await page.waitForFunction('window.__codeboomTimes && window.__codeboomTimes.counts', undefined, { timeout: 60_000, polling: 50 });
  const times = (await page.evaluate('window.__codeboomTimes')) as PageTimes;
  const marks = parseMarks(timingFile);
  const activation = activationEvent(userDataDir);
  if (activation.at !== undefined) marks.set('activation event', [activation.at]);
  const steps = new Map<string, number>();
  for (const [key] of STEPS) {
    const fromPage = times[key as keyof PageTimes];
    const list = marks.get(key);
    // The tree is asked several times; the last time before the counts is the one that got them.
    const at = fromPage ?? (key === 'tree asked' ? list?.filter((t) => t <= (marks.get('tree counts')?.[0] ?? Infinity)).at(-1) : list?.[0]);
    if (at !== undefined) steps.set(key, at - navigationStart);
  }
  return { steps, activationEvent: activation.event, restored, loadBefore };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2);
const figure = (xs: number[]) => (xs.length === 0 ? 'n/a' : `${sec(median(xs))} (${sec(Math.min(...xs))}–${sec(Math.max(...xs))})`);

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash} with changes` : hash;
  } catch {
    return 'unknown';
  }
}

interface Variant {
  label: string;
  /** The extension's folder (this repository, or a built copy of another commit). */
  dir: string;
  results: Run[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(option('--runs') ?? 5);
  const write = !args.includes('--no-write');
  const variants: Variant[] = [];
  const baseline = option('--baseline');
  if (baseline) variants.push({ label: option('--baseline-label') ?? 'baseline', dir: path.resolve(baseline), results: [] });
  variants.push({ label: option('--label') ?? commit(), dir: ROOT, results: [] });

  process.stderr.write('corpus of 1000: generating… ');
  const corpus = ensureCorpus(path.join(ROOT, '.bench'), 1000, 50_000, path.join(ROOT, 'examples/stay-tuned/codebook.yaml'));
  process.stderr.write('done\n');
  const install = findInstall();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeboom-bench-ui-'));
  const timingFile = path.join(stateDir, 'timing.log');
  // code-server passes its environment to the extension hosts, and they to the language servers.
  process.env.CODEBOOM_TIMING_FILE = timingFile;
  const userDataDir = path.join(stateDir, 'user-data');
  const server = await startCodeServer({
    entry: install.codeServerEntry,
    userDataDir,
    extensionsDir: path.join(stateDir, 'extensions'),
    stateDir,
    settings: { 'workbench.colorTheme': 'Default Light Modern' },
  });
  const browser = await launchOfflineBrowser(install.chromium);
  try {
    await browser.context.addInitScript(PAGE_SCRIPT);
    // With a baseline, the two take turns, so that both meet the same load on a shared machine.
    for (let i = 0; i <= runs; i++) {
      for (const variant of variants) {
        const page = await browser.context.newPage();
        const url = server.workbenchUrl({ folder: corpus, extensionDevelopmentPaths: [variant.dir] });
        const run = await oneRun(page, url, timingFile, userDataDir);
        if (args.includes('--keep')) fs.copyFileSync(timingFile, path.join(stateDir, `timing-${variants.indexOf(variant)}-${i}.log`));
        // Leaving the page ends its extension host (and with it the language server) at once.
        await page.goto('about:blank');
        await page.close();
        await processesGone(timingFile);
        const counts = run.steps.get('counts') ?? NaN;
        const workbench = run.steps.get('workbench') ?? NaN;
        process.stderr.write(
          `${variant.label}, ${i === 0 ? 'warm-up' : `run ${i}`}: workbench ${sec(workbench)} s, counts ${sec(counts)} s (${sec(counts - workbench)} s after the workbench); ${run.restored ? 'view restored' : 'view opened with a click'}, activated by ${run.activationEvent}, load ${run.loadBefore.toFixed(2)}\n`,
        );
        if (i > 0) variant.results.push(run);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    if (args.includes('--keep')) process.stderr.write(`Kept the logs in ${stateDir}\n`);
    else fs.rmSync(stateDir, { recursive: true, force: true });
  }

  const at = (results: Run[], key: string) => results.flatMap((r) => (r.steps.has(key) ? [r.steps.get(key)!] : []));
  const after = (results: Run[], key: string) => results.flatMap((r) => (r.steps.has(key) && r.steps.has('workbench') ? [r.steps.get(key)! - r.steps.get('workbench')!] : []));
  const table = [
    `| step (seconds after the workbench shows) | ${variants.map((v) => v.label).join(' | ')} |`,
    `|--|${variants.map(() => '--:').join('|')}|`,
    ...STEPS.filter(([key]) => key !== 'workbench').map(([key, text]) => `| ${text} | ${variants.map((v) => figure(after(v.results, key))).join(' | ')} |`),
  ].join('\n');
  const all = variants.flatMap((v) => v.results);
  const loads = all.map((r) => r.loadBefore);
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const events = [...new Set(all.map((r) => r.activationEvent))].join(', ');
  const restored = all.filter((r) => r.restored).length;
  process.stdout.write(`\n${table}\n\n`);
  for (const v of variants) {
    process.stdout.write(`${v.label}: counts ${figure(after(v.results, 'counts'))} s after the workbench shows, ${figure(at(v.results, 'counts'))} s after navigation.\n`);
  }
  process.stdout.write(`Activated by ${events}; Codes view restored in ${restored} of ${all.length} runs; load average ${load}.\n`);

  if (!write) return;
  const file = path.join(ROOT, 'BENCHMARKS.md');
  // One row per label: earlier rows (say, before a change) stay.
  const history = new Map<string, string>();
  for (const line of (sectionText(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', SECTION) ?? '').split('\n')) {
    const m = /^\| (?!label |--)([^|]+?) \| .* \|$/.exec(line);
    if (m && line.split('|').length === 8) history.set(m[1], line);
  }
  const date = new Date().toISOString().slice(0, 10);
  for (const v of variants) {
    const vloads = v.results.map((r) => r.loadBefore);
    history.set(
      v.label,
      `| ${v.label} | ${date} | ${figure(after(v.results, 'counts'))} | ${figure(at(v.results, 'counts'))} | ${figure(at(v.results, 'workbench'))} | ${Math.min(...vloads).toFixed(1)}–${Math.max(...vloads).toFixed(1)} |`,
    );
  }
  const quoted = args.filter((a) => a !== '--keep').map((a) => (/[^\w./=-]/.test(a) ? `'${a}'` : a));
  const command = `npm run bench:ui -- ${quoted.join(' ')}`.trim();
  const markdown = `## Time to the first counts in VS Code

Measured with \`${command}\` on ${date}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, code-server and
Chromium as \`scripts/e2e/setup.sh\` installs them. The 1,000-transcript corpus of the engine's benchmark is
opened in code-server ${runs} times after one warm-up, each time in a new page, so the extension host and the
language server start afresh while code-server, Chromium and the file cache are warm; with \`--baseline DIR\`
(a built copy of another commit: \`git archive COMMIT | tar -x -C DIR\`, node_modules linked, \`npm run build\`
there) the two extensions take turns. The page notes when the workbench shows and
when a row of the Codes tree first shows a count; the extension and the server note their steps in
\`CODEBOOM_TIMING_FILE\`. Medians, with the range in brackets; the load average is the machine's (one minute,
2 cores shared with other work) before each run.

| label | date | counts after the workbench shows (s) | counts after navigation (s) | workbench after navigation (s) | load |
|--|--|--:|--:|--:|--:|
${[...history.values()].join('\n')}

The steps of the latest measurement (activated by ${events}; Codes view restored in ${restored} of ${all.length} runs; load ${load}):

${table}

Where the time goes. Until \`activate\` is called, the time is VS Code's: the extension host starts, connects
and reads the extensions (about a second on this machine), decides to activate Codeboom (with the Codes view
restored, \`onView:codeboom.codes\` comes first, a moment after the host is up; without it,
\`workspaceContains:codebook.yaml\`, checked in the host's eager phase together with a workspace search for
\`**/codebook.yaml\`; \`onStartupFinished\` comes last), loads the bundle, and then prepares the extension's
storage and context before calling \`activate\`. From there on the time is Codeboom's: the language server loads,
indexes the transcripts, and answers \`projects\` and \`codebookTree\`. What was changed to shorten that:
- the server process starts as the extension's module loads, when a folder has a codebook.yaml at its top
  (\`client/src/server/earlyServer.ts\`), so it loads while VS Code prepares the context; that codebook is
  seen with one file check instead of a search of the workspace (\`findFiles\`);
- the server indexes without first waiting for the client to grant its progress token;
- the Codes tree, restored with the window, asks once and waits for the start, instead of getting nothing at
  once (and showing "no codebook.yaml" meanwhile) and asking again when the server is ready; the start's own
  index notice no longer refreshes the tree a second and third time;
- mammoth and its zip and XML readers load with the first Word document, not with the server.
On a machine this loaded, every step stretches: the extension host, the browser, code-server and the server
share two cores with other work.
`;
  writeSection(file, SECTION, markdown);
  process.stderr.write('Wrote the UI section of BENCHMARKS.md\n');
}

main().catch((e) => {
  process.stderr.write(`bench:ui: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
