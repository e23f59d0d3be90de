/**
 * Just enough PNG decoding to compare two screenshots pixel by pixel (8-bit RGB or RGBA, not interlaced,
 * which is what Chromium writes), so that a screenshot that did not change in substance is not rewritten.
 */
import { inflateSync } from 'node:zlib';

interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

export function decodePng(png: Buffer): Pixels | undefined {
  if (png.length < 8 || png.readUInt32BE(0) !== 0x89504e47) return undefined;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off + 8 <= png.length; ) {
    const length = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
      if (bitDepth !== 8 || interlace !== 0 || channels === 0) return undefined;
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? out[row + x - channels] : 0;
      const up = y > 0 ? out[row - stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? out[row - stride + x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[row + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, data: out };
}

/** The share of pixels (0 to 1) whose colour differs; 1 when the sizes differ or either is not a PNG we read. */
export function pixelDifference(a: Buffer, b: Buffer): number {
  const pa = decodePng(a);
  const pb = decodePng(b);
  if (!pa || !pb || pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differing = 0;
  const count = pa.width * pa.height;
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < 3; c++) {
      if (pa.data[i * pa.channels + c] !== pb.data[i * pb.channels + c]) {
        differing++;
        break;
      }
    }
  }
  return differing / count;
}
