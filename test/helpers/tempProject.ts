/**
 * Throw-away projects on disk for tests: a folder with the given files, removed after the test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempProject {
  root: string;
  file(rel: string): string;
  write(rel: string, content: string | Uint8Array): void;
  read(rel: string): string;
  dispose(): void;
}

export function tempProject(files: Record<string, string | Uint8Array>): TempProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'codeboom-test-'));
  const project: TempProject = {
    root,
    file: (rel) => path.join(root, rel),
    write(rel, content) {
      const target = path.join(root, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    },
    read: (rel) => fs.readFileSync(path.join(root, rel), 'utf8'),
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, content] of Object.entries(files)) project.write(rel, content);
  return project;
}

/** A small codebook in the Stay Tuned style, for tests that need codes but not the whole example. */
export const SMALL_CODEBOOK = `project:
  language: nl
  transcripts: ["*.txt", "interviews/**/*.txt"]
codes:
  afstemmen:
    label: {nl: Afstemmen op cliënt, en: Attuning to the client}
    codable: false
    color: "#2a9d8f"
    codes:
      geduld:
        label: {nl: Geduld, en: Patience}
        definition: {nl: De therapeut wacht af., en: The therapist waits.}
        aliases: [afstemmen/wachten]
      improvisatie:
        label: {nl: Improvisatorisch vermogen, en: Improvisational ability}
  effect:
    label: {nl: Effect werkalliantie, en: Effect of the working alliance}
    codable: false
    codes:
      band:
        label: {nl: Band (samenwerking), en: Bond}
      oud:
        label: Oude code
        merged_into: effect/band
      verouderd:
        label: Verouderd
        deprecated: vervangen door effect/band
`;
