/**
 * The Materials tab in a real browser, on the local stack (API, s3rver
 * behind its signature-checking front, processing), in a fresh TwinSpace:
 * Ana (teacher administrator) adds an album in the pupils' area and uploads
 * a PNG straight to storage with a progress bar, then sees it ready with its
 * thumbnail; an 11 MB image is not sent and an HTML file named .png is
 * removed by processing, each with the reason in words; a folder's text file
 * is a download link; a pupil member's album waits until Ana publishes it;
 * a video link plays only through youtube-nocookie; a visitor reads the
 * public area only; 390 px scrolls nothing sideways; the Spanish tab speaks
 * Spanish; a closed project is read-only. Every page visited is checked
 * with axe.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Materials-Pass-1!';
const phone = { width: 390, height: 844 };

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  projectTitle = `Rivers in pictures ${Date.now().toString(36)}`;
  space = await newTwinspace(endpoints, projectTitle);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const materialsUrl = (lang: string, query: Record<string, string> = {}) => `${site}/${lang}/twinspace/materials/?${new URLSearchParams({ id: space.projectId, ...query })}`;

async function teacher(options: Parameters<Visitors['page']>[0] = { locale: 'en-GB' }): Promise<Page> {
  return signInToDesktop(await visitors.page(options), site, 'ana@demo.twinspace');
}

async function pupil(): Promise<Page> {
  const page = await visitors.page({ locale: 'en-GB' });
  await fillSignIn(page, site, space.members['pupil-member'].username!, pupilPassword);
  await page.waitForURL(`${site}/en/desktop/`);
  return page;
}

/** No sideways scrolling: the page is no wider than the window. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The images a page shows that the browser could not load (a presigned URL refused, a thumbnail missing). */
const brokenImages = (page: Page) =>
  page.evaluate(() => [...document.images].filter((image) => image.complete && image.naturalWidth === 0 && image.loading !== 'lazy').map((image) => image.alt));

/** Adds an album, a folder or a video through the on-demand form; lands on the material's own view. */
async function addMaterial(page: Page, material: { kind: 'An image album' | 'A file folder' | 'A video link'; area?: string; title: string; videoUrl?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add an album, a folder or a video' }).click();
  const form = page.getByRole('region', { name: 'Add an album, a folder or a video' });
  await form.getByLabel(material.kind).check();
  if (material.area) await form.getByLabel('Area').selectOption({ label: material.area });
  await form.getByLabel('Title').fill(material.title);
  if (material.videoUrl) await form.getByLabel('Video link', { exact: true }).fill(material.videoUrl);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: material.title }).waitFor();
}

const pngOf = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2a7fbf' } }).png().toBuffer();

describe('the Materials tab in a browser', () => {
  const albumTitle = 'Our river, day one';

  it('Ana adds an album in the pupils’ area, uploads a PNG with a progress bar and sees it ready with its thumbnail', { timeout: patience }, async () => {
    const ana = await teacher();
    await ana.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await ana.getByRole('navigation', { name: 'TwinSpace sections' }).getByRole('link', { name: 'Materials', exact: true }).click();
    await ana.getByRole('heading', { level: 1, name: `Materials of ${projectTitle}` }).waitFor();
    await ana.getByText('No album in this area yet.').waitFor();
    const areas = ana.getByRole('navigation', { name: 'Areas' });
    for (const area of ['Public area', "Pupils' area", "Teachers' area"]) expect(await areas.getByRole('link', { name: area }).isVisible()).toBe(true);
    await assertAccessible(ana);

    // A title is asked for before anything is sent.
    await ana.getByRole('button', { name: 'Add an album, a folder or a video' }).click();
    const form = ana.getByRole('region', { name: 'Add an album, a folder or a video' });
    // The form opened by its button, which is gone: focus is on its first choice.
    await form.getByLabel('Title').waitFor();
    await ana.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'album');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByText('Give it a title.').waitFor();
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(ana);
    await form.getByLabel('Area').selectOption({ label: "Pupils' area" });
    await form.getByLabel('Title').fill(albumTitle);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await ana.getByRole('status').filter({ hasText: `“${albumTitle}” was added.` }).waitFor();
    await ana.getByRole('heading', { level: 2, name: albumTitle }).waitFor();
    expect(new URL(ana.url()).searchParams.get('area')).toBe('pupils');
    await ana.getByText('No image in this album yet.').waitFor();

    // The storage answers the upload a little later, so the bar is seen while the bytes go.
    await ana.route(`${endpoints.storage}/**`, async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await ana.getByRole('button', { name: 'Add images' }).click();
    const chooser = ana.getByLabel('Images to upload');
    await chooser.waitFor();
    expect(await chooser.getAttribute('accept')).toContain('image/png');
    await ana.waitForFunction(() => document.activeElement?.getAttribute('type') === 'file');
    await chooser.setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: await pngOf(1600, 900) });
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    const bar = ana.getByRole('progressbar', { name: 'Upload of river.png' });
    await bar.waitFor();
    expect(await bar.getAttribute('max')).toBe('100');
    await assertAccessible(ana);

    const uploads = ana.getByRole('list', { name: 'Your uploads' });
    await uploads.getByText('Ready.').waitFor({ timeout: 45_000 });
    await bar.waitFor({ state: 'detached' });
    // The thumbnail (a WebP made by processing, read through a presigned URL) shows in the upload's row and in the album.
    const thumbnail = ana.locator('.image-grid img[alt="river.png"]');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/w320\.webp\?/);
    await ana.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img[alt="river.png"]')].every((image) => image.complete && image.naturalWidth > 0));
    expect(await ana.locator('.image-grid a:has(img[alt="river.png"])').getAttribute('href')).toMatch(/w1280\.webp\?/);
    await ana.getByText('1 image').waitFor();
    await assertAccessible(ana);
  });

  it('refuses an 11 MB image before sending it, and says why processing removed an HTML file named .png', { timeout: patience }, async () => {
    const ana = await teacher();
    await ana.goto(materialsUrl('en', { area: 'pupils' }));
    await ana.getByRole('region', { name: 'Image albums' }).getByRole('link', { name: albumTitle }).click();
    await ana.getByRole('heading', { level: 2, name: albumTitle }).waitFor();
    await ana.getByRole('button', { name: 'Add images' }).click();
    let asked = 0;
    ana.on('request', (request) => request.url().endsWith('/materials/uploads') && asked++);
    await ana.getByLabel('Images to upload').setInputFiles([
      { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024, 1) },
      { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>') },
    ]);
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    const uploads = ana.getByRole('list', { name: 'Your uploads' });
    await uploads.getByRole('listitem').filter({ hasText: 'huge.png' }).getByText('This file is larger than 10 MB, so it was not sent.').waitFor();
    await uploads
      .getByRole('listitem')
      .filter({ hasText: 'fake.png' })
      .getByText('This file is not really a PNG image, so it was removed.')
      .waitFor({ timeout: 45_000 });
    // Only the fake PNG was asked for; the big one never left the browser.
    expect(asked).toBe(1);
    // Ana (a teacher) still sees the removed file in the album, with its reason; it is no image of the album.
    await ana.reload();
    const removed = ana.getByRole('listitem').filter({ hasText: 'fake.png' });
    await removed.getByText('Removed', { exact: true }).waitFor();
    expect(await ana.locator('.image-grid img[alt="fake.png"]').count()).toBe(0);
    await assertAccessible(ana);
  });

  it('a folder’s files are download links with their format and size', { timeout: patience }, async () => {
    const ana = await teacher();
    await ana.goto(materialsUrl('en', { area: 'teachers' }));
    await addMaterial(ana, { kind: 'A file folder', title: 'Worksheets' });
    await ana.getByRole('button', { name: 'Add files' }).click();
    await ana.getByLabel('Files to upload').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Measure the river at three points.\n') });
    await ana.getByRole('button', { name: 'Upload', exact: true }).click();
    await ana.getByRole('list', { name: 'Your uploads' }).getByText('Ready.').waitFor({ timeout: 45_000 });
    const link = ana.getByRole('region', { name: 'Files' }).getByRole('link', { name: 'notes.txt' });
    await link.waitFor();
    expect(await ana.getByRole('region', { name: 'Files' }).getByText('TXT, 35 byte').isVisible()).toBe(true);
    // The link is a presigned URL that serves the file as a download.
    const download = await ana.evaluate(async (href) => {
      const answer = await fetch(href);
      return { status: answer.status, disposition: answer.headers.get('content-disposition'), text: await answer.text() };
    }, (await link.getAttribute('href'))!);
    expect(download.status).toBe(200);
    expect(download.text).toBe('Measure the river at three points.\n');
    await assertAccessible(ana);
  });

  const pupilAlbum = 'Pablo’s stones';

  it('a pupil member’s album waits for publishing, and Ana publishes it', { timeout: patience }, async () => {
    const pablo = await pupil();
    await pablo.goto(materialsUrl('en'));
    await pablo.getByRole('heading', { level: 1, name: `Materials of ${projectTitle}` }).waitFor();
    // A pupil opens on the pupils' area, told what happens to what they add; the teachers' area is not theirs.
    expect(await pablo.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: "Pupils' area" }).getAttribute('aria-current')).toBe('page');
    expect(await pablo.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: "Teachers' area" }).count()).toBe(0);
    await pablo.getByText('Each waits until a teacher or a pupil administrator publishes it', { exact: false }).waitFor();
    // By keyboard: the button opens the form on its first choice; Tab reaches the area, then the title; Enter sends.
    await pablo.getByRole('button', { name: 'Add an album, a folder or a video' }).focus();
    await pablo.keyboard.press('Enter');
    await pablo.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'album');
    const options = await pablo.getByLabel('Area').locator('option').allInnerTexts();
    expect(options).toEqual(["Pupils' area"]);
    await pablo.keyboard.press('Tab');
    await pablo.keyboard.press('Tab');
    await pablo.keyboard.type(pupilAlbum);
    expect(await pablo.getByLabel('Title').inputValue()).toBe(pupilAlbum);
    await pablo.keyboard.press('Enter');
    await pablo.getByRole('status').filter({ hasText: `“${pupilAlbum}” was added. It waits for a teacher or a pupil administrator to publish it.` }).waitFor();
    const view = pablo.locator('#material-view');
    await view.getByText('Waiting for publishing').waitFor();
    expect(await pablo.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    // Their own waiting album takes their uploads.
    expect(await pablo.getByRole('button', { name: 'Add images' }).isVisible()).toBe(true);
    await assertAccessible(pablo);

    const ana = await teacher();
    await ana.goto(materialsUrl('en', { area: 'pupils' }));
    const listed = ana.getByRole('region', { name: 'Image albums' }).getByRole('listitem').filter({ hasText: pupilAlbum });
    await listed.getByText('Waiting for publishing').waitFor();
    await listed.getByRole('link', { name: pupilAlbum }).click();
    await ana.getByRole('heading', { level: 2, name: pupilAlbum }).waitFor();
    await ana.getByRole('button', { name: 'Publish' }).click();
    await ana.getByRole('status').filter({ hasText: `“${pupilAlbum}” is published.` }).waitFor();
    await ana.locator('#material-view .badge').filter({ hasText: 'Published' }).waitFor();
    expect(await ana.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await assertAccessible(ana);

    // Published, it is frozen for Pablo: no more uploads into it.
    await pablo.reload();
    await pablo.locator('#material-view .badge').filter({ hasText: 'Published' }).waitFor();
    expect(await pablo.getByRole('button', { name: 'Add images' }).count()).toBe(0);
  });

  it('a video link plays only through youtube-nocookie, and another site’s link is refused', { timeout: patience }, async () => {
    const ana = await teacher();
    // No test reaches the internet: the player's address answers with a stand-in page.
    await ana.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Player</title><p>Player</p></html>' }));
    await ana.goto(materialsUrl('en', { area: 'public' }));
    await ana.getByRole('button', { name: 'Add an album, a folder or a video' }).click();
    const form = ana.getByRole('region', { name: 'Add an album, a folder or a video' });
    await form.getByLabel('A video link').check();
    await form.getByLabel('Title').fill('The river from above');
    await form.getByLabel('Video link', { exact: true }).fill('https://evil.example/watch?v=dQw4w9WgXcQ');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByText('This is not the address of a YouTube or Vimeo video.').waitFor();
    await form.getByLabel('Video link', { exact: true }).fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await ana.getByRole('heading', { level: 2, name: 'The river from above' }).waitFor();
    const frame = ana.locator('iframe');
    expect(await frame.count()).toBe(1);
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await frame.getAttribute('title')).toBe('Video: The river from above');
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
    await assertAccessible(ana);
  });

  it('a visitor reads the public area only, with nothing to add', { timeout: patience }, async () => {
    const guest = await signInToDesktop(await visitors.page(), site, 'guest@demo.twinspace');
    await guest.goto(materialsUrl('en', { area: 'pupils' }));
    await guest.getByText('You cannot read that area of this TwinSpace; here is one you can.').waitFor();
    const areas = guest.getByRole('navigation', { name: 'Areas' });
    expect(await areas.getByRole('link').allInnerTexts()).toEqual(['Public area']);
    await guest.getByRole('region', { name: 'Videos' }).getByRole('link', { name: 'The river from above' }).waitFor();
    expect(await guest.getByRole('button', { name: 'Add an album, a folder or a video' }).count()).toBe(0);
    await assertAccessible(guest);
  });

  it('at 390 px nothing scrolls sideways', { timeout: patience }, async () => {
    const ana = await teacher({ locale: 'es-ES', viewport: phone });
    for (const query of [{ area: 'pupils' }, { area: 'teachers' }]) {
      await ana.goto(materialsUrl('es', query));
      await ana.getByRole('heading', { level: 1 }).filter({ hasText: projectTitle }).waitFor();
      await ana.getByRole('region', { name: 'Álbumes de imágenes' }).getByRole('listitem').or(ana.getByText('Todavía no hay ningún álbum en esta área.')).first().waitFor();
      await ana.getByRole('button', { name: 'Añadir un álbum, una carpeta o un vídeo' }).click();
      await ana.getByLabel('Título').waitFor();
      expect(await scrollsSideways(ana), JSON.stringify(query)).toBe(false);
    }
    await ana.getByRole('region', { name: 'Álbumes de imágenes' }).waitFor();
    await ana.goto(materialsUrl('es', { area: 'pupils' }));
    await ana.getByRole('link', { name: albumTitle }).click();
    await ana.locator('.image-grid img[alt="river.png"]').waitFor();
    await ana.getByRole('button', { name: 'Añadir imágenes' }).click();
    await ana.getByLabel('Imágenes que subir').waitFor();
    expect(await scrollsSideways(ana)).toBe(false);
    expect(await brokenImages(ana)).toEqual([]);
    await assertAccessible(ana);
  });

  it('the Spanish tab speaks Spanish', { timeout: patience }, async () => {
    const ana = await teacher({ locale: 'es-ES' });
    await ana.goto(materialsUrl('es', { area: 'pupils' }));
    await ana.getByRole('heading', { level: 1, name: `Materiales de ${projectTitle}` }).waitFor();
    await ana.getByRole('navigation', { name: 'Secciones del TwinSpace' }).getByRole('link', { name: 'Materiales' }).waitFor();
    for (const heading of ['Álbumes de imágenes', 'Carpetas de archivos', 'Vídeos']) await ana.getByRole('heading', { level: 2, name: heading }).waitFor();
    await ana.getByRole('region', { name: 'Álbumes de imágenes' }).getByText('1 imagen').waitFor();
    await ana.getByRole('button', { name: 'Añadir un álbum, una carpeta o un vídeo' }).click();
    await ana.getByRole('radio', { name: 'Un álbum de imágenes' }).waitFor();
    expect(await ana.getByRole('button', { name: 'Añadir', exact: true }).isVisible()).toBe(true);
    await assertAccessible(ana);
  });

  it('deleting asks first in a dialog: Cancel keeps the folder, Delete removes it and its list says so', { timeout: patience }, async () => {
    const ana = await teacher();
    await ana.goto(materialsUrl('en', { area: 'teachers' }));
    await ana.getByRole('region', { name: 'File folders' }).getByRole('link', { name: 'Worksheets' }).click();
    await ana.getByRole('heading', { level: 2, name: 'Worksheets' }).waitFor();
    const remove = ana.locator('#material-view > .actions').getByRole('button', { name: 'Delete', exact: true });
    await remove.click();
    const dialog = ana.getByRole('dialog', { name: 'Delete “Worksheets” and everything in it? This cannot be undone.' });
    await dialog.waitFor();
    await assertAccessible(ana);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Delete');

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await ana.getByRole('status').filter({ hasText: '“Worksheets” was deleted.' }).waitFor();
    expect(new URL(ana.url()).searchParams.get('material')).toBeNull();
    await ana.getByText('No folder in this area yet.').waitFor();
    await assertAccessible(ana);
  });

  it('a closed project’s materials are read-only', { timeout: patience }, async () => {
    const closing = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken, {});
    expect(closing.status).toBeLessThan(300);
    const ana = await teacher();
    await ana.goto(materialsUrl('en', { area: 'pupils' }));
    await ana.getByText('This project is closed: its materials can be read, not changed.').waitFor();
    await ana.getByRole('region', { name: 'Image albums' }).getByRole('link', { name: albumTitle }).click();
    await ana.locator('.image-grid img[alt="river.png"]').waitFor();
    expect(await ana.getByRole('button').filter({ hasText: /Add|Delete|Publish/ }).count()).toBe(0);
    await assertAccessible(ana);
  });
});
