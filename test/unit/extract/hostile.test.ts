import { afterAll, describe, expect, it } from 'vitest';
import { extractText, MAX_TEXT_CHARS } from '../../../src/extract/index.js';
import { ExtractionSandbox } from '../../../src/extract/sandbox.js';
import { extractOfficeText, scrubMetadata } from '../../../src/extract/scrub.js';
import { checkXmlBudget } from '../../../src/extract/zip.js';
import { docxOfTinyParagraphs, MiB, pdfBomb, pptxOfManyParagraphs, xlsxOfManyRows } from '../../helpers/hostile.js';
import { extractFailure, fixture } from './helpers.js';

// Issue 13, finding 1: one small file must not stop the server.
describe('XML budgets are checked on the bytes actually inflated', () => {
  it('refuses a 184 KB DOCX whose document.xml unpacks to 60 MiB, before mammoth sees it', async () => {
    const docx = docxOfTinyParagraphs(60 * MiB);
    expect(docx.length).toBeLessThan(200_000);
    const started = Date.now();
    await extractFailure(extractText(docx, 'cv.docx'), 'too_complex');
    await extractFailure(scrubMetadata(docx, 'docx'), 'too_complex');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not trust a central directory that claims document.xml is 1,000 bytes', async () => {
    const liar = docxOfTinyParagraphs(60 * MiB, { declaredSize: 1000 });
    expect(() => checkXmlBudget(liar, 'docx')).toThrow(expect.objectContaining({ code: 'too_complex' }));
    await extractFailure(extractText(liar, 'cv.docx'), 'too_complex');
  });

  it('refuses XLSX and PPTX packages with 40 MiB of sheet or slide XML', async () => {
    await extractFailure(extractOfficeText(xlsxOfManyRows(40 * MiB), 'xlsx'), 'too_complex');
    await extractFailure(scrubMetadata(xlsxOfManyRows(40 * MiB), 'xlsx'), 'too_complex');
    await extractFailure(extractOfficeText(pptxOfManyParagraphs(40 * MiB), 'pptx'), 'too_complex');
  });

  it('still reads real documents and small generated ones', async () => {
    expect((await extractText(fixture('resume-ru.docx'), 'cv.docx')).text).toContain('Менеджер');
    expect(await extractOfficeText(xlsxOfManyRows(64 * 1024), 'xlsx')).toContain('Plan\nx\nx');
    expect((await extractText(docxOfTinyParagraphs(64 * 1024), 'cv.docx')).text).toMatch(/^a\na\n/);
  });
});

describe('the extraction sandbox: a worker thread with time and memory limits', () => {
  const sandboxes: ExtractionSandbox[] = [];
  const make = (opts: ConstructorParameters<typeof ExtractionSandbox>[0]) => {
    const s = new ExtractionSandbox(opts);
    sandboxes.push(s);
    return s;
  };
  afterAll(async () => {
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  it('gives the same results and errors as extracting in process', async () => {
    const sandbox = make({ workers: 1 });
    const direct = await extractText(fixture('resume-ru.pdf'), 'cv.pdf');
    expect(await sandbox.extractText(fixture('resume-ru.pdf'), 'cv.pdf')).toEqual(direct);
    await extractFailure(sandbox.extractText(fixture('protected.pdf'), 'cv.pdf'), 'encrypted');
    const err = await extractFailure(sandbox.extractText(fixture('image-named.pdf'), 'cv.pdf'), 'type_mismatch');
    expect(err.detail).toBe('jpeg');
    const scrubbed = await sandbox.scrubMetadata(fixture('resume-ru.docx'), 'docx');
    expect(scrubbed).toEqual(await scrubMetadata(fixture('resume-ru.docx'), 'docx'));
  });

  it('terminates a parse that runs over its time limit, answers too_complex, and keeps working', async () => {
    const sandbox = make({ workers: 1, timeoutMs: 500 });
    // Under the XML budget but slow for mammoth: the 16 KB DOCX took 18 s in the request.
    const slow = docxOfTinyParagraphs(5 * MiB);
    expect(slow.length).toBeLessThan(20_000);
    const started = Date.now();
    const err = await extractFailure(sandbox.extractText(slow, 'cv.docx'), 'too_complex');
    expect(err.message).toMatch(/longer than 500 ms|memory/);
    // Booting the worker is not counted against the limit; the parse itself is cut at 0.5 s.
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await sandbox.extractText(fixture('resume-en.docx'), 'cv.docx')).kind).toBe('docx');
  });

  it('stops a parse that runs out of its heap limit', async () => {
    const sandbox = make({ workers: 1, timeoutMs: 60_000, maxOldGenerationSizeMb: 96 });
    const err = await extractFailure(sandbox.extractText(docxOfTinyParagraphs(5 * MiB), 'cv.docx'), 'too_complex');
    expect(err.message).toMatch(/memory limit/);
    expect((await sandbox.extractText(fixture('resume-en.docx'), 'cv.docx')).kind).toBe('docx');
  });

  it('keeps a PDF whose content stream inflates to 100 MiB off the calling thread', async () => {
    const sandbox = make({ workers: 1, timeoutMs: 2000 });
    const bomb = await pdfBomb(100 * MiB);
    expect(bomb.length).toBeLessThan(300_000);
    let ticks = 0;
    let worst = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last);
      last = now;
      ticks++;
    }, 20);
    const outcome = await sandbox.extractText(bomb, 'cv.pdf').then(
      () => 'read',
      (e: { code?: string }) => e.code,
    );
    clearInterval(timer);
    expect(outcome).toBe('too_complex');
    expect(ticks).toBeGreaterThan(20);
    expect(worst).toBeLessThan(1000);
  });
});

describe('text beyond any real document', () => {
  it('is refused as too complex, whatever the format, even when it parses quickly', async () => {
    const text = Buffer.from('ab '.repeat(MAX_TEXT_CHARS / 3 + 10), 'utf8');
    expect(text.length).toBeLessThan(10 * MiB);
    await extractFailure(extractText(text, 'notes.txt'), 'too_complex');
    // A long real document is far below the limit.
    const long = Buffer.from('Ключевые клиенты, переговоры, рост продаж. '.repeat(20_000), 'utf8');
    expect((await extractText(long, 'notes.txt')).text.length).toBeGreaterThan(800_000);
  });
});
