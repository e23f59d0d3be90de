import { strict as assert } from 'node:assert';
import { capDiagnostics, diagnostic, DiagnosticCodes, MAX_DIAGNOSTICS_PER_DOCUMENT, type Diagnostic, type DiagnosticCode } from '../../server/src/engine/diagnostics';
import { diagnosticMessage } from '../../server/src/engine/messages';

const at = (start: number, code: DiagnosticCode = DiagnosticCodes.tagUnclosed): Diagnostic => diagnostic(code, { start, end: start + 2 });

describe('capDiagnostics', () => {
  it('returns a list within the cap as it is', () => {
    const list = [at(5), at(1)];
    assert.equal(capDiagnostics(list, 2), list);
  });

  it('keeps the first by place and one more at the first left out that counts the rest', () => {
    // Out of order, as diagnostics of different passes come.
    const list = [at(40), at(10), at(30, DiagnosticCodes.passageUncoded), at(20), at(50, DiagnosticCodes.passageUncoded)];
    const capped = capDiagnostics(list, 2);
    assert.deepEqual(
      capped.map((d) => [d.code, d.span.start]),
      [
        ['tag.unclosed', 10],
        ['tag.unclosed', 20],
        ['diagnostics.truncated', 30],
      ],
    );
    const note = capped[2];
    assert.equal(note.severity, 'error', 'as severe as the worst one left out');
    assert.equal(diagnosticMessage(note, 'en'), '3 more problems from here on are not shown, so that the editor stays responsive (only the first 2 are): fix those first.');
    assert.match(diagnosticMessage(note, 'nl'), /^Nog 3 problemen vanaf hier worden niet getoond/);
  });

  it('caps a million diagnostics at the default of a thousand and one', () => {
    const list = Array.from({ length: 1_000_000 }, (_, i) => at(i * 2));
    const capped = capDiagnostics(list);
    assert.equal(MAX_DIAGNOSTICS_PER_DOCUMENT, 1000);
    assert.equal(capped.length, 1001);
    assert.deepEqual(capped[1000].args, { count: 999_000, shown: 1000 });
    assert.equal(diagnosticMessage(capDiagnostics([at(1), at(2)], 1)[1], 'en').startsWith('1 more problem from here on is not shown'), true);
  });
});
