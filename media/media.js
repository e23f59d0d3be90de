// The media panel's page: the recording in an <audio> or <video> element with the browser's controls, and
// buttons for the three keys. It reports its time to the extension and any error the player meets.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const data = window.CODEBOOM;
  const s = data.strings;
  const app = document.getElementById('app');

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  const problem = el('p', { id: 'problem', role: 'alert' });
  function showProblem(text) {
    problem.textContent = text;
    problem.hidden = !text;
  }
  showProblem(data.problem || '');
  app.appendChild(problem);
  if (!data.media) return;

  const player = el(data.media.kind === 'video' ? 'video' : 'audio', { id: 'player', controls: '', preload: 'auto', 'aria-label': s.player + ': ' + data.media.name });
  let started = false;
  let wanted = data.media.start;
  function report() {
    vscode.postMessage({ type: 'state', currentTime: player.currentTime, paused: player.paused, ready: started });
  }
  function seek(seconds, play) {
    wanted = seconds;
    if (player.readyState >= 1) {
      player.currentTime = seconds;
      if (play) player.play().catch(function () {});
    }
  }
  player.addEventListener('loadedmetadata', function () {
    started = true;
    player.currentTime = wanted;
    player.play().catch(function () {
      // A page may not start sound before the user has done something in it: the time is set, and
      // the play key or button starts it.
    });
    report();
  });
  for (const name of ['timeupdate', 'play', 'pause', 'seeked']) player.addEventListener(name, report);
  player.addEventListener('error', function () {
    vscode.postMessage({ type: 'error', code: player.error ? player.error.code : 0 });
  });
  player.src = data.media.src;

  const name = el('h1', {}, data.media.name);
  const buttons = el('div', { class: 'keys' });
  const back = el('button', { type: 'button', id: 'back' }, s.back);
  const toggle = el('button', { type: 'button', id: 'toggle' }, s.toggle);
  const insert = el('button', { type: 'button', id: 'insert' }, s.insert);
  buttons.append(back, toggle, insert);
  const keys = el('p', { class: 'hint' }, s.keys);
  app.append(name, player, buttons, keys);

  function togglePlay() {
    if (player.paused) player.play().catch(function () {});
    else player.pause();
  }
  function goBack(seconds) {
    player.currentTime = Math.max(0, player.currentTime - seconds);
  }
  back.addEventListener('click', function () { goBack(data.back); });
  toggle.addEventListener('click', togglePlay);
  insert.addEventListener('click', function () { vscode.postMessage({ type: 'insertTimestamp' }); });

  window.addEventListener('message', function (event) {
    const m = event.data;
    if (m.type === 'toggle') togglePlay();
    else if (m.type === 'back') goBack(m.seconds);
    else if (m.type === 'seek') seek(m.seconds, m.play);
    else if (m.type === 'problem') showProblem(m.text);
  });
})();
