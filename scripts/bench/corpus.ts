/**
 * A deterministic synthetic corpus for benchmarks: transcripts of about 50 KB in the Stay Tuned style,
 * dense with paragraph tags, passages (nested, overlapping, with memos) and the odd non-ASCII character,
 * coded against the example codebook. The same seed gives the same files on every machine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small, fast, deterministic generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'ik je we ze hij zij het de een en maar dus want omdat als dan toen nu soms vaak altijd nooit eerst daarna ' +
  'jongere jongen meisje groep sessie therapie muziek drums gitaar klei tekening spel rol beweging sport bal ' +
  'vertrouwen band samen doel plan afspraak grens gevoel boos verdrietig bang rustig spanning ruimte tijd week ' +
  'kijken luisteren spelen maken praten wachten proberen merken voelen zeggen vragen blijven komen gaan doen ' +
  'belangrijk moeilijk makkelijk eerlijk duidelijk echt heel wel niet nog ook even gewoon eigenlijk natuurlijk ' +
  'cliënt behandeling afdeling begeleider ouders school verleden patroon stap keer moment verschil volwassenen ' +
  'één café naïef reünie coördinatie'
).split(' ');

const CODES = [
  'afstemmen/tegenoverdracht', 'afstemmen/hulpvraag', 'afstemmen/improvisatie', 'afstemmen/tacit-knowledge',
  'afstemmen/geduld', 'effect/zelfinzicht', 'effect/band', 'effect/taak', 'effect/doel', 'medium/therapiemotivatie',
  'medium/ervaringsgericht', 'medium/containment', 'medium/succeservaringen', 'medium/beweging',
  'doelen/eigen-invulling', 'doelen/weerstand', 'confrontatie/doorwerken', 'confrontatie/binnen-medium',
  'confrontatie/pushen', 'confrontatie/sterkte-relatie', 'confrontatie/keerpunt',
  'jongeren-volwassenen/interpersoonlijke-relatie', 'jongeren-volwassenen/ontwikkelingsleeftijd',
  'kenmerken/therapeut/afstemmen', 'kenmerken/therapeut/oprechtheid', 'kenmerken/therapeut/betrouwbaar',
  'kenmerken/therapeut/empathie', 'kenmerken/therapeut/humor', 'kenmerken/client/vertrouwen',
];

const DISCIPLINES = ['muziektherapie', 'beeldende therapie', 'dramatherapie', 'psychomotorische therapie'];

function sentence(rnd: () => number): string {
  const n = 6 + Math.floor(rnd() * 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  const end = rnd() < 0.15 ? '?' : '.';
  let s = words.join(' ') + end;
  if (rnd() < 0.04) s += ' (lacht)';
  if (rnd() < 0.03) s += ' [onverstaanbaar]';
  return s;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/** One transcript of about `targetBytes`, for participant `n`. */
export function transcript(n: number, targetBytes: number, seed: number): string {
  const rnd = random(seed);
  const who = `T${n}`;
  const parts: string[] = [
    `---\nparticipant: ${who}\ndiscipline: ${pick(rnd, DISCIPLINES)}\ninterview_date: 2016-0${1 + (n % 9)}-1${n % 10}\ninterviewer: I\n---\n`,
  ];
  let size = parts[0].length;
  let minute = 0;
  while (size < targetBytes) {
    const question = `I= ${sentence(rnd)}\n\n`;
    const sentences: string[] = [];
    const count = 3 + Math.floor(rnd() * 5);
    for (let i = 0; i < count; i++) sentences.push(sentence(rnd));
    // A passage inside the answer, sometimes nested, sometimes overlapping, sometimes with a memo.
    const r = rnd();
    if (r < 0.5) {
      const i = Math.floor(rnd() * sentences.length);
      const memo = rnd() < 0.2 ? ' | opvallend' : '';
      sentences[i] = `{{${sentences[i]}}}[[${pick(rnd, CODES)}${memo}]]`;
    } else if (r < 0.6 && sentences.length >= 3) {
      sentences[0] = `{{${sentences[0]} {{${sentences[1]}}}[[${pick(rnd, CODES)}]]}}[[${pick(rnd, CODES)}]]`;
      sentences.splice(1, 1);
    } else if (r < 0.7 && sentences.length >= 3) {
      sentences[0] = `{{#a ${sentences[0]} {{#b ${sentences[1]}}}#a[[${pick(rnd, CODES)}]] ${sentences[2]}}}#b[[${pick(rnd, CODES)}]]`;
      sentences.splice(1, 2);
    }
    if (rnd() < 0.05) sentences.push('Echt 😀.');
    const tags = rnd() < 0.8 ? ` [[${pick(rnd, CODES)}]]` + (rnd() < 0.3 ? ` [[${pick(rnd, CODES)}]]` : '') : '';
    const stamp = rnd() < 0.1 ? `[${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}] ` : '';
    minute += 1 + Math.floor(rnd() * 3);
    const answer = `${stamp}${who}= ${sentences.join(' ')}${tags}\n\n`;
    parts.push(question, answer);
    size += question.length + answer.length;
  }
  return parts.join('');
}

/**
 * Writes (once) a corpus of `count` transcripts under `root`, with the example codebook, and returns its
 * folder. An existing corpus with the same parameters is reused.
 */
export function ensureCorpus(root: string, count: number, targetBytes = 50_000, exampleCodebook: string): string {
  const dir = path.join(root, `corpus-${count}`);
  const stamp = path.join(dir, '.complete');
  const want = `${count}:${targetBytes}:v1`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'transcripts'), { recursive: true });
  fs.copyFileSync(exampleCodebook, path.join(dir, 'codebook.yaml'));
  for (let i = 1; i <= count; i++) {
    fs.writeFileSync(path.join(dir, 'transcripts', `T${String(i).padStart(5, '0')}.txt`), transcript(i, targetBytes, 1000 + i));
  }
  fs.writeFileSync(stamp, want);
  return dir;
}

/** Total bytes of the corpus's transcripts. */
export function corpusBytes(dir: string): number {
  const t = path.join(dir, 'transcripts');
  return fs.readdirSync(t).reduce((sum, f) => sum + fs.statSync(path.join(t, f)).size, 0);
}
