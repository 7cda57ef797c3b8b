/**
 * Processing's rules (functions/domain/material-files.ts), from issue 10:
 * "the upload is not trusted". The type comes from the bytes whatever the
 * name or the declared type; images are JPEG, PNG, GIF or WebP up to 10 MB;
 * files are PDF, office and OpenDocument, plain text and audio up to 50 MB;
 * an HTML file named .png is never served; thumbnails at 320 and 1280 px.
 */
import { describe, expect, it } from 'vitest';
import { imageFormatOf, isPlainText, judgeUpload, looksLikeMarkup, mediaTypeEssence, thumbnailPlan, tooLargeToRead, usageDelta } from '../../functions/domain/material-files.ts';

const MB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);
const some = (length = 64) => new Uint8Array(length).fill(1);

describe('an image upload', () => {
  it('is kept as the type its bytes are: JPEG, PNG, GIF or WebP', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/gif', 'image/webp']) {
      expect(judgeUpload({ kind: 'image', declaredType: type, bytes: some(), detectedType: type })).toEqual({ accepted: true, contentType: type });
    }
  });

  it('is served as what the bytes are, not what was declared', () => {
    expect(judgeUpload({ kind: 'image', declaredType: 'image/jpeg', bytes: some(), detectedType: 'image/png' })).toEqual({ accepted: true, contentType: 'image/png' });
  });

  it('is rejected as a type mismatch when an HTML page is declared a PNG', () => {
    const page = text('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    expect(judgeUpload({ kind: 'image', declaredType: 'image/png', bytes: page, detectedType: undefined })).toEqual({ accepted: false, reason: 'type-mismatch' });
  });

  it('is rejected as a type mismatch when the bytes are another kind of file', () => {
    expect(judgeUpload({ kind: 'image', declaredType: 'image/png', bytes: some(), detectedType: 'application/pdf' })).toEqual({ accepted: false, reason: 'type-mismatch' });
    // Plain text is a file, never an image, even when declared as one.
    expect(judgeUpload({ kind: 'image', declaredType: 'text/plain', bytes: text('hello'), detectedType: undefined })).toEqual({ accepted: false, reason: 'unsupported-type' });
  });

  it('is rejected as unsupported when an image type we do not take was declared (SVG, TIFF)', () => {
    expect(judgeUpload({ kind: 'image', declaredType: 'image/svg+xml', bytes: text('<svg></svg>'), detectedType: undefined })).toEqual({ accepted: false, reason: 'unsupported-type' });
    expect(judgeUpload({ kind: 'image', declaredType: 'image/tiff', bytes: some(), detectedType: 'image/tiff' })).toEqual({ accepted: false, reason: 'unsupported-type' });
  });

  it('is too large past 10 MB, whatever it claims', () => {
    expect(judgeUpload({ kind: 'image', declaredType: 'image/png', bytes: new Uint8Array(10 * MB + 1), detectedType: 'image/png' })).toEqual({ accepted: false, reason: 'too-large' });
    expect(judgeUpload({ kind: 'image', declaredType: 'image/png', bytes: new Uint8Array(10 * MB), detectedType: 'image/png' })).toMatchObject({ accepted: true });
    expect(tooLargeToRead('image', 11 * MB)).toBe(true);
    expect(tooLargeToRead('image', 10 * MB)).toBe(false);
  });

  it('is unreadable when empty', () => {
    expect(judgeUpload({ kind: 'image', declaredType: 'image/png', bytes: new Uint8Array(0), detectedType: undefined })).toEqual({ accepted: false, reason: 'unreadable' });
  });
});

describe('a file upload', () => {
  it('keeps PDF, office, OpenDocument and audio as their bytes say', () => {
    const kept = [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.presentation',
      'application/x-cfb',
      'audio/mpeg',
      'audio/wav',
    ];
    for (const type of kept) {
      expect(judgeUpload({ kind: 'file', declaredType: type, bytes: some(), detectedType: type })).toEqual({ accepted: true, contentType: type });
    }
  });

  it('reads a type with parameters by its essence (Opus is audio/ogg; codecs=opus to file-type)', () => {
    expect(mediaTypeEssence('audio/ogg; codecs=opus')).toBe('audio/ogg');
    expect(judgeUpload({ kind: 'file', declaredType: 'audio/ogg', bytes: some(), detectedType: 'audio/ogg; codecs=opus' })).toEqual({ accepted: true, contentType: 'audio/ogg' });
  });

  it('refuses a program declared a PDF (mismatch) and a program declared a program (unsupported)', () => {
    expect(judgeUpload({ kind: 'file', declaredType: 'application/pdf', bytes: some(), detectedType: 'application/x-msdownload' })).toEqual({ accepted: false, reason: 'type-mismatch' });
    expect(judgeUpload({ kind: 'file', declaredType: 'application/x-msdownload', bytes: some(), detectedType: 'application/x-msdownload' })).toEqual({ accepted: false, reason: 'unsupported-type' });
  });

  it('never takes an image into a folder', () => {
    expect(judgeUpload({ kind: 'file', declaredType: 'application/pdf', bytes: some(), detectedType: 'image/png' })).toEqual({ accepted: false, reason: 'type-mismatch' });
  });

  it('is too large past 50 MB', () => {
    expect(judgeUpload({ kind: 'file', declaredType: 'application/pdf', bytes: new Uint8Array(50 * MB + 1), detectedType: 'application/pdf' })).toEqual({ accepted: false, reason: 'too-large' });
    expect(tooLargeToRead('file', 50 * MB)).toBe(false);
  });
});

describe('plain text', () => {
  const asText = (bytes: Uint8Array, declaredType = 'text/plain') => judgeUpload({ kind: 'file', declaredType, bytes, detectedType: undefined });

  it('is kept when declared text/plain and the bytes are UTF-8 text', () => {
    expect(asText(text('Measurements of the Ebro, 12 °C at 9:00.\nMañana: 14 °C. a < b, and <b>bold</b> is just text here.'))).toEqual({ accepted: true, contentType: 'text/plain' });
    expect(asText(text('\ufeffWith a byte order mark'))).toMatchObject({ accepted: true });
  });

  it('is refused when it is a web page, even declared text/plain', () => {
    expect(asText(text('<!doctype html><title>x</title>'))).toEqual({ accepted: false, reason: 'type-mismatch' });
    expect(asText(text('  <html><body>hi</body></html>'))).toEqual({ accepted: false, reason: 'type-mismatch' });
    expect(asText(text('notes\n\n<script>fetch("/steal")</script>'))).toEqual({ accepted: false, reason: 'type-mismatch' });
    expect(asText(text('<svg onload="alert(1)"/>'))).toEqual({ accepted: false, reason: 'type-mismatch' });
  });

  it('is refused when the bytes are not UTF-8 text (Latin-1, binary with NUL)', () => {
    expect(asText(new Uint8Array([0x4d, 0x61, 0xf1, 0x61, 0x6e, 0x61]))).toEqual({ accepted: false, reason: 'type-mismatch' });
    expect(asText(new Uint8Array([0x68, 0x69, 0x00, 0x01]))).toEqual({ accepted: false, reason: 'type-mismatch' });
  });

  it('is refused when not declared as plain text (markdown, HTML)', () => {
    expect(asText(text('# Title'), 'text/markdown')).toEqual({ accepted: false, reason: 'unsupported-type' });
    expect(asText(text('<p>hi</p>'), 'text/html')).toEqual({ accepted: false, reason: 'unsupported-type' });
  });

  it('is refused when file-type recognises the bytes as something not accepted', () => {
    expect(judgeUpload({ kind: 'file', declaredType: 'text/plain', bytes: some(), detectedType: 'application/zip' })).toEqual({ accepted: false, reason: 'type-mismatch' });
  });

  it('names markup by its start, and the dangerous tags anywhere', () => {
    expect(looksLikeMarkup('<P>hello')).toBe(true);
    expect(looksLikeMarkup('<?xml version="1.0"?><x/>')).toBe(true);
    expect(looksLikeMarkup('Use <iframe src=x> to embed')).toBe(true);
    expect(looksLikeMarkup('1 < 2 and <em>emphasis</em>')).toBe(false);
    expect(isPlainText(text('plain'))).toBe(true);
  });
});

describe('images are re-encoded in their own format, with WebP thumbnails at 320 and 1280', () => {
  it('keeps each accepted image type in its format', () => {
    expect(['image/jpeg', 'image/png', 'image/gif', 'image/webp'].map(imageFormatOf)).toEqual(['jpeg', 'png', 'gif', 'webp']);
    expect(imageFormatOf('application/pdf')).toBeUndefined();
  });

  it('plans both thumbnails, never wider than the image', () => {
    expect(thumbnailPlan(4000)).toEqual([
      { size: 'small', nominalWidth: 320, width: 320 },
      { size: 'large', nominalWidth: 1280, width: 1280 },
    ]);
    expect(thumbnailPlan(800).map((plan) => plan.width)).toEqual([320, 800]);
    expect(thumbnailPlan(200).map((plan) => plan.width)).toEqual([200, 200]);
  });
});

describe("the project's usage when a file is settled", () => {
  it('holds the bytes stored once ready, and releases the reservation when rejected', () => {
    expect(usageDelta(5_000, { storedBytes: 6_500 })).toBe(1_500);
    expect(usageDelta(5_000, { storedBytes: 3_000 })).toBe(-2_000);
    expect(usageDelta(5_000, 'rejected')).toBe(-5_000);
  });
});
