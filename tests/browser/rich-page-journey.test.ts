/**
 * Issue 10's journey, end to end on the local stack (real API, s3rver behind
 * its signature-checking front, the processing function): Ana's photo of the
 * river goes into a public album; she writes a public page with a heading,
 * bold text, a list, that photo and a YouTube video, and publishes it; a pupil
 * member of the project reads it in the TwinSpace; signed out, the public page shows the
 * photo through a URL the API issued.
 */
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillRichText, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { uploadWithForm } from '../support/materials.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Rich-Pass-1!';

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

/** A public album with one ready photo, made through the API and the presigned POST as the Materials tab makes it. */
async function publicPhoto(): Promise<{ materialId: string; fileId: string }> {
  const token = space.members['teacher-admin'].idToken;
  const materials = `/projects/${space.projectId}/materials`;
  const album = await apiSend(endpoints, 'POST', materials, token, { area: 'public', kind: 'album', title: 'River photos' });
  expect(album.status).toBe(201);
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
  const asked = await apiSend(endpoints, 'POST', `${materials}/uploads`, token, {
    materialId: album.body.materialId,
    kind: 'image',
    fileName: 'river.png',
    size: png.byteLength,
    contentType: 'image/png',
  });
  expect(asked.status).toBe(201);
  expect((await uploadWithForm(asked.body.upload, new Uint8Array(png), 'image/png', 'river.png')).status).toBeLessThan(300);
  const path = `${materials}/${album.body.materialId}/files/${asked.body.file.fileId}`;
  for (const deadline = Date.now() + 30_000; ; ) {
    const file = await apiSend(endpoints, 'GET', path, token);
    if (file.body.status === 'ready') break;
    expect(file.body.status, 'processing the photo').toBe('pending');
    if (Date.now() > deadline) throw new Error('the photo stayed pending');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { materialId: album.body.materialId, fileId: asked.body.file.fileId };
}

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Rich pages ${Date.now().toString(36)}`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

/** The photo is shown, from a URL the API presigned (an image that failed to load has no natural width). */
async function expectPhotoShown(page: Page, alt: string): Promise<void> {
  const photo = page.getByRole('img', { name: alt });
  await photo.waitFor();
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  const source = new URL(await photo.evaluate((image: HTMLImageElement) => image.currentSrc));
  expect(source.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  expect(Number(source.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
}

describe('a rich public page with a photo from the materials', () => {
  const title = 'Our river in pictures';
  const alt = 'The river under a blue sky';

  it('Ana writes it with the editor, with a heading, bold text, a list, the photo and a video, and publishes it', { timeout: patience }, async () => {
    await publicPhoto();
    const ana = await signInToDesktop(await visitors.page({ locale: 'en-GB' }), site, 'ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/pages/?${new URLSearchParams({ id: space.projectId, area: 'public' })}`);
    const newPage = ana.getByRole('region', { name: 'New page' });
    await newPage.getByLabel('Title').fill(title);
    const text = await fillRichText(newPage, 'Text', 'What we measured');
    const toolbar = newPage.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('combobox', { name: 'Text style' }).selectOption({ label: 'Heading' });
    await text.press('End');
    await text.press('Enter');
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    await ana.keyboard.insertText('Twelve');
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    await ana.keyboard.insertText(' degrees at noon.');
    await ana.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: '• List' }).click();
    await ana.keyboard.insertText('depth');
    await ana.keyboard.press('Enter');
    await ana.keyboard.insertText('width');
    await ana.keyboard.press('Enter');
    await ana.keyboard.press('Enter');

    // The photo, from the project's albums that every reader of a public page may see.
    await toolbar.getByRole('button', { name: 'Image' }).click();
    const picker = ana.getByRole('dialog', { name: 'Add an image' });
    await picker.getByRole('button', { name: /River photos/ }).click();
    await picker.getByRole('radio', { name: 'river.png' }).check();
    // An image without a description is refused first.
    await picker.getByRole('button', { name: 'Add image' }).click();
    await picker.getByText('Describe the image for those who cannot see it.').waitFor();
    await picker.getByLabel('Description of the image').fill(alt);
    await assertAccessible(ana);
    await picker.getByRole('button', { name: 'Add image' }).click();
    await picker.waitFor({ state: 'detached' });

    await toolbar.getByRole('button', { name: 'Video' }).click();
    const video = ana.getByRole('dialog', { name: 'Add a video' });
    await video.getByLabel('Video address').fill('https://youtu.be/dQw4w9WgXcQ');
    await video.getByRole('button', { name: 'Add video' }).click();
    await video.waitFor({ state: 'detached' });

    await newPage.getByRole('button', { name: 'Save as a draft' }).click();
    await ana.getByRole('status').filter({ hasText: `The page “${title}” was saved as a draft.` }).waitFor();
    await ana.getByRole('button', { name: 'Publish' }).click();
    await ana.getByRole('status').filter({ hasText: 'published' }).first().waitFor();
  });

  it('a pupil of the project reads it in the TwinSpace: the heading, the bold words, the list, the photo and the video', { timeout: patience }, async () => {
    const marta = await visitors.page({ locale: 'en-GB' });
    await fillSignIn(marta, site, space.members['pupil-member'].username!, pupilPassword);
    await marta.waitForURL(`${site}/en/desktop/`);
    await marta.goto(`${site}/en/twinspace/pages/?${new URLSearchParams({ id: space.projectId, area: 'public' })}`);
    await marta.getByRole('link', { name: title }).click();
    const body = marta.locator('#read-body');
    await body.getByRole('heading', { name: 'What we measured' }).waitFor();
    expect(await body.locator('strong').innerText()).toBe('Twelve');
    expect(await body.locator('ul > li').allInnerTexts()).toEqual(['depth', 'width']);
    await expectPhotoShown(marta, alt);
    expect(await body.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await assertAccessible(marta);
  });

  it('signed out, the public page shows the page with its photo', { timeout: patience }, async () => {
    const anyone = await visitors.page({ locale: 'en-GB' });
    await anyone.goto(`${site}/en/public/?id=${space.projectId}`);
    await anyone.getByRole('heading', { name: title }).waitFor();
    await anyone.getByRole('heading', { name: 'What we measured' }).waitFor();
    await expectPhotoShown(anyone, alt);
    expect(await anyone.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await assertAccessible(anyone);
  });
});
