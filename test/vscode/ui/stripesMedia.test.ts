/**
 * Coding stripes and the media panel as a person sees them. Stripes: the labels of every code of a
 * multiply-coded paragraph stand after its first line, each framed in its code's colour, in a light and a
 * dark theme, clear of the words (VS Code draws them as generated content after the line's text, which the
 * test reads from the computed style). Media: a transcript that names a short WAV file written here plays
 * it from a timestamp (the player's time is moved there), the insert key writes the time at the cursor, and
 * a missing file gets its sentence. Saves stripes.png, stripes-dark.png and media.png.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { toneWav } from '../harness/wav';
import type { Workbench } from '../harness/workbench';
import { codeColor, lineColumnOf, parseCss, rgbOf, waitForServer, webviewPage } from './codeboomUi';
import { ui } from './session';

interface Stripe {
  text: string;
  borderColor: string;
  color: string;
  left: number;
  top: number;
}

/** The codes' labels (in each of the codebook's languages) of the tags on a line of a transcript. */
function labelsOnLine(project: string, file: string, line: number): { path: string; labels: string[] }[] {
  const text = readFileSync(path.join(project, file), 'utf8').split('\n')[line - 1];
  const codebook = parse(readFileSync(path.join(project, 'codebook.yaml'), 'utf8')) as { codes: Record<string, unknown> };
  return [...text.matchAll(/\[\[([^\]|]+?)\s*(?:\|[^\]]*)?\]\]/g)].map((m) => {
    let node = codebook as unknown as { codes?: Record<string, { label: string | Record<string, string> }> };
    let label: string | Record<string, string> = '';
    for (const slug of m[1].trim().split('/')) {
      const next = node.codes![slug];
      label = next.label;
      node = next as unknown as typeof node;
    }
    return { path: m[1].trim(), labels: typeof label === 'string' ? [label] : Object.values(label) };
  });
}

/** The stripes the active editor draws: generated content after a line whose text holds `words`. */
async function stripesBeside(workbench: Workbench, words: string, atLeast: number): Promise<{ stripes: Stripe[]; textRight: number; textTop: number }> {
  const handle = await workbench.page.waitForFunction(
    ([needle, least]: [string, number]) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const line = Array.from(editor?.querySelectorAll('.view-lines .view-line') ?? []).find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
      if (!line) return undefined;
      // The view line holding the end of the model line: with word wrap, the next rows follow it.
      const rows = [line];
      const top = line.getBoundingClientRect().top;
      // Only stripes in view count: the test waits for word wrap to bring them there.
      const right = editor!.getBoundingClientRect().right;
      const stripes = [];
      let textRight = 0;
      for (const el of Array.from(editor!.querySelectorAll('.view-lines .view-line span span'))) {
        const after = getComputedStyle(el, '::after');
        const content = after.content;
        const r = el.getBoundingClientRect();
        if (r.top < top - 1) continue;
        if (content && content !== 'none' && content !== 'normal' && r.left < right) {
          stripes.push({ text: content.replace(/^"|"$/g, '').replace(/\u00a0/g, ' ').trim(), borderColor: after.borderTopColor, color: after.color, left: r.left, top: r.top });
        } else if ((el.textContent ?? '').trim() !== '') textRight = Math.max(textRight, r.right);
      }
      void rows;
      return stripes.length >= least ? { stripes, textRight, textTop: top } : undefined;
    },
    [words, atLeast] as [string, number],
  );
  return (await handle.jsonValue()) as { stripes: Stripe[]; textRight: number; textTop: number };
}

describe('coding stripes and the recording', () => {
  const file = 'transcripts/T09.txt';
  // Two overlapping passages, each with its code, start on this line.
  const paragraph = 'Vanaf dat moment kwam hij';

  after(async () => {
    const { workbench } = ui();
    if (await workbench.page.locator('.monaco-workbench.vs-dark').count()) await workbench.selectColorTheme('Light Modern', 'vs');
    await workbench.closeAllEditors();
  });

  it('shows every code of a paragraph beside it, in its colour, in a light and a dark theme', async () => {
    const { workbench, project } = ui();
    await workbench.openFromExplorer('transcripts', 'T09.txt');
    await waitForServer(workbench);
    const at = lineColumnOf(path.join(project, file), paragraph);
    const codes = labelsOnLine(project, file, at.line);
    assert.ok(codes.length >= 2, `line ${at.line} has several codes: ${JSON.stringify(codes)}`);
    // Transcripts have long lines: with word wrap (a workspace setting, taken away afterwards) the labels
    // after the line stay in view.
    const settings = path.join(project, '.vscode', 'settings.json');
    assert.equal(existsSync(settings), false, 'the example has no workspace settings of its own');
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'editor.wordWrap': 'on' }));
    try {
      await workbench.goTo(at.line, 1);
      for (const theme of [['Light Modern', 'vs', 'stripes'], ['Dark Modern', 'vs-dark', 'stripes-dark']] as const) {
        await workbench.selectColorTheme(theme[0], theme[1]);
        const { stripes } = await stripesBeside(workbench, paragraph, codes.length);
        // The stripes of the paragraph's line come first (the line is at the top after Go to Line).
        const mine = codes.map((c) => stripes.find((s) => c.labels.includes(s.text)));
        assert.ok(mine.every(Boolean), `labels ${JSON.stringify(codes.map((c) => c.labels))} among ${JSON.stringify(stripes.map((s) => s.text))}`);
        for (let i = 0; i < codes.length; i++) {
          assert.deepEqual(parseCss(mine[i]!.borderColor).slice(0, 3), rgbOf(codeColor(project, codes[i].path)), `${codes[i].path} framed in its code's colour`);
          const [r, g, b] = parseCss(mine[i]!.color);
          const light = (r + g + b) / 3 > 128;
          assert.equal(light, theme[1] === 'vs-dark', `${codes[i].path} written in the theme's colour (${mine[i]!.color})`);
        }
        const editorBox = (await workbench.page.locator('.editor-group-container.active .monaco-editor .lines-content').first().boundingBox())!;
        const visible = (await workbench.page.locator('.editor-group-container.active .monaco-editor').first().boundingBox())!;
        for (const stripe of mine) assert.ok(stripe!.left > editorBox.x && stripe!.left < visible.x + visible.width, `${stripe!.text} in view (${stripe!.left})`);
        const lefts = mine.map((s) => s!.left);
        assert.deepEqual([...lefts].sort((a, b) => a - b), lefts, 'in the order of the codes');
        await workbench.screenshot(theme[2]);
      }
    } finally {
      rmSync(path.dirname(settings), { recursive: true, force: true });
      await workbench.selectColorTheme('Light Modern', 'vs');
    }
  });

  describe('the media panel', () => {
    let audio: string;
    before(() => {
      const { project } = ui();
      audio = path.join(project, 'audio');
      mkdirSync(audio, { recursive: true });
      writeFileSync(path.join(audio, 'T09.wav'), toneWav(600));
    });
    after(async () => {
      const { workbench } = ui();
      await workbench.closeAllEditors().catch(() => undefined);
      rmSync(audio, { recursive: true, force: true });
    });

    /** Takes back the unsaved changes of T09 (from its editor, made active by its tab). */
    const revert = async (workbench: Workbench) => {
      await workbench.page.keyboard.press('Escape');
      await workbench.page.locator('.editor-group-container .tab', { hasText: 'T09.txt' }).first().click();
      await workbench.runCommand('File: Revert File');
      await workbench.page.locator('.editor-group-container .tab.dirty', { hasText: 'T09.txt' }).waitFor({ state: 'detached' });
    };

    /** Names `media` in T09's front matter, as a person types it (the file stays unsaved). */
    const nameMedia = async (workbench: Workbench, media: string) => {
      await workbench.goTo(2, 1);
      await workbench.page.keyboard.type(`media: ${media}\n`);
    };

    it('plays the recording from a timestamp and inserts the time at the cursor', async () => {
      const { workbench, project } = ui();
      await workbench.openFromExplorer('transcripts', 'T09.txt');
      await waitForServer(workbench);
      await nameMedia(workbench, 'audio/T09.wav');
      try {
      // One line more than on disk, after the media: line.
      const stamp = lineColumnOf(path.join(project, file), '[08:45]');
      await workbench.goTo(stamp.line + 1, 8);
      await workbench.runCommand('Codeboom: Play Recording from Timestamp');
      const player = webviewPage(workbench).locator('#player');
      await player.waitFor({ state: 'attached', timeout: 20_000 });
      // The page's time once the player has moved to [08:45] (a string: the test's bundler would name functions).
      const time = (await player.evaluate(
        `new Promise((resolve) => {
          const check = () => { if (this.readyState >= 1 && this.currentTime >= 525) resolve(this.currentTime); };
          this.addEventListener('seeked', check);
          this.addEventListener('timeupdate', check);
          check();
        })`.replace(/this/g, 'document.getElementById("player")'),
      )) as number;
      assert.ok(time >= 525 && time < 600, `the player's time moved to [08:45]: ${time}`);
      await webviewPage(workbench).locator('h1', { hasText: 'audio/T09.wav' }).waitFor();
      await workbench.screenshot('media');
      // The insert key, from the transcript (the panel opened without taking the focus).
      await workbench.goTo(stamp.line + 2, 1);
      await workbench.page.keyboard.press('Control+Alt+Period');
      const inserted = workbench.page.locator('.editor-group-container .view-line', { hasText: /^\[(0[89]|10):\d\d\]/ });
      await inserted.first().waitFor();
      const seconds = (await inserted.first().innerText()).match(/^\[(\d\d):(\d\d)\]/)!;
      const at = Number(seconds[1]) * 60 + Number(seconds[2]);
      assert.ok(at >= 525 && at <= 600, `the inserted time is the player's: ${seconds[0]}`);
      } finally {
        await revert(workbench);
      }
    });

    it('says in one sentence that the recording is missing', async () => {
      const { workbench, project } = ui();
      await workbench.openFromExplorer('transcripts', 'T09.txt');
      await nameMedia(workbench, 'audio/T10.wav');
      try {
      const stamp = lineColumnOf(path.join(project, file), '[08:45]');
      await workbench.goTo(stamp.line + 1, 3);
      await workbench.runCommand('Codeboom: Play Recording from Timestamp');
      const sentence = 'audio/T10.wav is not in the project folder: check media: in the front matter.';
      await webviewPage(workbench).locator('#problem', { hasText: sentence }).waitFor({ timeout: 20_000 });
      await workbench.page.locator('.notifications-toasts', { hasText: sentence }).first().waitFor();
      } finally {
        await revert(workbench);
      }
    });
  });
});
