/**
 * Small Word documents for tests, made as Word makes them: a zip with [Content_Types].xml, the package's
 * relationships and word/document.xml. A paragraph is a list of runs; a run is text, bold text, a line
 * break or an image; a table is rows of cells of text.
 */
import { strToU8, zipSync } from 'fflate';

export type DocxRun = string | { bold: string } | { italic: string } | 'br' | 'image';
export type DocxBlock = DocxRun[] | { table: string[][] } | { heading: string };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(r: DocxRun): string {
  if (r === 'br') return '<w:r><w:br/></w:r>';
  if (r === 'image') {
    return (
      '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
      '<wp:docPr id="1" name="Picture 1" descr="a photo"/>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>' +
      '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImage1"/>' +
      '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    );
  }
  if (typeof r === 'string') return `<w:r><w:t xml:space="preserve">${escape(r)}</w:t></w:r>`;
  if ('bold' in r) return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(r.bold)}</w:t></w:r>`;
  return `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">${escape(r.italic)}</w:t></w:r>`;
}

function block(b: DocxBlock): string {
  if (Array.isArray(b)) return `<w:p>${b.map(run).join('')}</w:p>`;
  if ('heading' in b) return `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(b.heading)}</w:p>`;
  const rows = b.table.map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`);
  return `<w:tbl>${rows.join('')}</w:tbl>`;
}

/** A .docx file with these blocks as its body. */
export function makeDocx(blocks: DocxBlock[]): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${blocks.map(block).join('')}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
    // A 1×1 PNG.
    'word/media/image1.png': Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    ),
  };
  return zipSync(files);
}
