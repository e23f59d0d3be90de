/**
 * Small coloured icons for codes (a rounded square in the code's colour), written once per colour into
 * the extension's storage, since tree items and gutters need an image file.
 */
import * as vscode from 'vscode';

export class ColorIcons {
  private readonly made = new Map<string, vscode.Uri>();

  constructor(private readonly storage: vscode.Uri) {}

  private async write(name: string, svg: string): Promise<vscode.Uri> {
    const known = this.made.get(name);
    if (known) return known;
    const dir = vscode.Uri.joinPath(this.storage, 'icons');
    await vscode.workspace.fs.createDirectory(dir);
    const uri = vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
    this.made.set(name, uri);
    return uri;
  }

  /** A square swatch for tree items. */
  swatch(color: string): Promise<vscode.Uri> {
    const c = safeColor(color);
    return this.write(`swatch-${c.slice(1)}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="3" y="3" width="10" height="10" rx="2" fill="${c}"/></svg>`);
  }

  /** A narrow bar for the editor's gutter. */
  gutter(color: string): Promise<vscode.Uri> {
    const c = safeColor(color);
    return this.write(`gutter-${c.slice(1)}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="5" y="0" width="4" height="16" fill="${c}"/></svg>`);
  }
}

/** Only `#rrggbb` reaches an SVG file; anything else becomes a neutral grey. */
export function safeColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : '#8a8a8a';
}
