import { strict as assert } from 'node:assert';
import { capDiagnostics, DOCUMENT_DIAGNOSTIC_LIMIT } from '../../server/src/engine/diagnosticLimit';
import { diagnostic, DiagnosticCodes, type Diagnostic, type DiagnosticCode } from '../../server/src/engine/diagnostics';
import { diagnosticMessage } from '../../server/src/engine/messages';

const at = (start: number, code: DiagnosticCode = DiagnosticCodes.tagUnclosed): Diagnostic => diagnostic(code, { start, end: start + 2 });

describe('capDiagnostics', () => {
  it('returns a list within the limit as it is', () => {
    const list = [at(5), at(1)];
    assert.equal(capDiagnostics(list, 2), list);
  });

  it('keeps the first by place and one more that counts the rest by severity', () => {
    // Out of order, as diagnostics of different passes come.
    const list = [at(40), at(10), at(30, DiagnosticCodes.passageUncoded), at(20), at(50, DiagnosticCodes.passageUncoded)];
    const capped = capDiagnostics(list, 2);
    assert.deepEqual(
      capped.map((d) => d.code),
      ['tag.unclosed', 'tag.unclosed', 'diagnostics.truncated'],
    );
    assert.deepEqual(
      capped.slice(0, 2).map((d) => d.span.start),
      [10, 20],
    );
    const note = capped[2];
    assert.equal(note.severity, 'error', 'as severe as the worst one left out');
    assert.match(diagnosticMessage(note, 'en'), /^3 more problems in this transcript \(1 error and 2 warnings\) are not listed/);
    assert.match(diagnosticMessage(note, 'nl'), /^3 problemen meer in dit transcript \(1 fout en 2 waarschuwingen\) staan niet in de lijst/);
  });

  it('holds a million diagnostics to a thousand and one', () => {
    const list = Array.from({ length: 1_000_000 }, (_, i) => at(i * 2));
    const capped = capDiagnostics(list);
    assert.equal(DOCUMENT_DIAGNOSTIC_LIMIT, 1000);
    assert.equal(capped.length, 1001);
    assert.equal(capped[1000].args?.count, 999_000);
  });
});
