import { assignSections, type SectionKind, type SectionMap } from './sections.js';
import { detectLang, splitLines, type Lang, type Line } from './text.js';

/** A resume prepared once and shared by every rule. */
export interface Doc {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly sections: SectionMap;
  readonly lang: Lang;
}

export function buildDoc(text: string): Doc {
  const lines = splitLines(text);
  return { text, lines, sections: assignSections(lines), lang: detectLang(lines) };
}

export function sectionOf(doc: Doc, i: number): SectionKind {
  return doc.sections.kinds[i] ?? 'header';
}
