/**
 * Texts in one language or several. A codebook field is either a plain string (the same in every
 * language) or a map from language code to text, e.g. `{nl: Geduld, en: Patience}`.
 */

/** Language code → text; a plain string is kept under `*`. */
export type Localized = Readonly<Record<string, string>>;

export const ANY_LANGUAGE = '*';

export function toLocalized(value: unknown): Localized | undefined {
  if (typeof value === 'string') return { [ANY_LANGUAGE]: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { [ANY_LANGUAGE]: String(value) };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const result: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' || typeof v === 'number') result[k] = String(v);
    }
    return Object.keys(result).length > 0 ? result : undefined;
  }
  return undefined;
}

/**
 * The text in `language`, else in the project's language, else a language-neutral text, else English,
 * else whatever language the text has.
 */
export function localize(text: Localized | undefined, language: string, fallback = 'en'): string | undefined {
  if (!text) return undefined;
  const base = language.split('-')[0];
  return (
    text[language] ??
    text[base] ??
    text[ANY_LANGUAGE] ??
    text[fallback] ??
    text.en ??
    Object.values(text)[0]
  );
}

/** Every text of a localized value, for searching. */
export function allTexts(text: Localized | undefined): string[] {
  return text ? Object.values(text) : [];
}
