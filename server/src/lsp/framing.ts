/**
 * Reads LSP messages from a byte stream (the server's stdin) by the base protocol's framing: header lines
 * `Name: value` ended by an empty line, then a body of exactly Content-Length bytes of JSON.
 *
 * vscode-jsonrpc's own stream reader is lenient where a broken client needs an answer: it reads
 * `Content-Length: 12abc` as 12, waits forever for a body of any announced length, and after a header it
 * cannot read it fires an error that the server ignores, then goes on reading the rest as if it were the
 * next header, so the server lives on and never answers again. This reader states the rules once and
 * stops at the first message that breaks them, with a FramingError that says what was wrong.
 */
import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';
import { words, type Language } from '../engine/messages';

/**
 * The largest message the server reads: 64 MB. A transcript is sent whole when it is opened and may be
 * large, but nothing an editor sends comes near this; a length above it is a broken or hostile header.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The header of a message is a few dozen bytes; more than this without its empty line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;

type Reason = 'no-header' | 'bare-lf' | 'no-colon' | 'no-length' | 'bad-length' | 'too-large' | 'header-too-long' | 'not-json' | 'not-message' | 'charset';

/** What was wrong with a message the client sent; the server cannot go on reading after it. */
export class FramingError extends Error {
  constructor(
    readonly reason: Reason,
    readonly args: Record<string, string | number> = {},
  ) {
    super(words('en', `framing.${reason}`, args));
  }

  /** The one line the server logs before it stops, in `lang`. */
  line(lang: Language): string {
    return `codeboom lsp: ${words(lang, 'framing.stop', { problem: words(lang, `framing.${this.reason}`, this.args) })}`;
  }
}

/** Shows a piece of a header in a message: at most 40 characters, control characters escaped. */
function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const escapes: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
  return short.replace(/[\x00-\x1f\x7f]/g, (c) => escapes[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The body length a message header announces; throws a FramingError when the header breaks the rules. */
export function bodyLength(header: string): number {
  const length = checkHeaderLines(header);
  if (length === undefined) throw new FramingError('no-length');
  return length;
}

/**
 * Checks complete header lines (joined by CRLF), so that a broken header is found as soon as its line is
 * complete, not only at the empty line that may never come; returns the Content-Length among them.
 */
function checkHeaderLines(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new FramingError('no-colon', { line: quote(line) });
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^[0-9]+$/.test(value)) throw new FramingError('bad-length', { value: quote(value) });
      length = Number(value);
      if (length > MAX_MESSAGE_BYTES) throw new FramingError('too-large', { value: quote(value), max: MAX_MESSAGE_BYTES / (1024 * 1024) });
    } else if (name === 'content-type') {
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1].toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new FramingError('charset', { value: quote(charset) });
    }
  }
  return length;
}

/** Header names are tokens: a message that starts otherwise (often JSON without its header) has none. */
const HEADER_START = /^[A-Za-z0-9!#$%&'*+.^_`|~-]/;

/** Checks the start of a header whose empty line has not come yet. */
function checkIncompleteHeader(head: Buffer): void {
  const text = head.toString('latin1');
  if (!HEADER_START.test(text)) throw new FramingError('no-header', { start: quote(text) });
  if (text.includes('\n\n')) throw new FramingError('bare-lf');
  const complete = text.lastIndexOf('\r\n');
  if (complete > 0) checkHeaderLines(text.slice(0, complete));
  if (head.length > MAX_HEADER_BYTES) throw new FramingError('header-too-long', { max: MAX_HEADER_BYTES / 1024 });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The message in a body; throws a FramingError when it is not UTF-8 JSON of one JSON-RPC message. */
export function parseBody(body: Uint8Array): Message {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch (e) {
    throw new FramingError('not-json', { detail: quote(e instanceof Error ? e.message : String(e)) });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FramingError('not-message');
  return value as Message;
}

export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The length of the body being read, or -1 while a header is read. */
  private expected = -1;
  private stopped = false;
  private callback: DataCallback | undefined;
  /** Whether the client asked the server to shut down, for the exit status when the input ends. */
  shutdownRequested = false;

  constructor(private readonly readable: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error) => this.fireError(error);
    const onEnd = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onEnd);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('end', onEnd);
    });
  }

  private onData(data: Buffer): void {
    if (this.stopped) return;
    this.chunks.push(data);
    this.size += data.length;
    try {
      for (;;) {
        if (this.expected < 0) {
          if (this.size === 0) return;
          const head = this.peek(Math.min(this.size, MAX_HEADER_BYTES + 4));
          const end = head.indexOf('\r\n\r\n');
          if (end < 0) {
            checkIncompleteHeader(head);
            return;
          }
          this.expected = bodyLength(head.subarray(0, end).toString('latin1'));
          this.take(end + 4);
        }
        if (this.size < this.expected) return;
        const message = parseBody(this.take(this.expected));
        this.expected = -1;
        if ((message as { method?: unknown }).method === 'shutdown') this.shutdownRequested = true;
        this.callback?.(message);
      }
    } catch (e) {
      // Nothing after a broken message can be trusted to start where a message starts.
      this.stopped = true;
      this.chunks = [];
      this.size = 0;
      this.fireError(e);
    }
  }

  /** The first `n` bytes read, without taking them. */
  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const parts: Buffer[] = [];
    let have = 0;
    for (const c of this.chunks) {
      if (have >= n) break;
      parts.push(c);
      have += c.length;
    }
    return Buffer.concat(parts, Math.min(have, n));
  }

  /** Takes the first `n` bytes read. */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let result: Buffer;
    if (n === 0) result = Buffer.alloc(0);
    else if (first.length >= n) {
      result = first.subarray(0, n);
    } else {
      result = this.peek(n);
    }
    let left = n;
    while (left > 0 && left >= this.chunks[0].length) {
      left -= this.chunks[0].length;
      this.chunks.shift();
    }
    if (left > 0) this.chunks[0] = this.chunks[0].subarray(left);
    this.size -= n;
    return result;
  }
}
