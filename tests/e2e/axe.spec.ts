/**
 * The accessibility check itself (./axe.ts) can fail: on a real screen it finds an image without a
 * text alternative put there on purpose, in the whole page and inside a selector that holds it,
 * and nothing inside one that does not.
 */
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.js';
import { ownEdges } from './kitchen-helpers.js';
import { openLive } from './screens.js';

const edges = ownEdges();

test('axe finds an image without a text alternative, in the page and inside the part that holds it', async ({
  page,
}) => {
  const { url } = await edges.start();
  await openLive(page, `${url}/kds/bar`);
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);

  // Browser-side code as source: the tests compile without the DOM's types.
  await page.evaluate(`(() => {
    const image = document.createElement('img');
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('main').appendChild(image);
    const elsewhere = document.createElement('div');
    elsewhere.id = 'elsewhere';
    document.body.appendChild(elsewhere);
  })()`);
  expect((await axeViolations(page)).map((v) => v.id)).toEqual(['image-alt']);
  expect((await axeViolations(page, 'main')).map((v) => v.id)).toEqual(['image-alt']);
  expect(await axeViolations(page, '#elsewhere')).toEqual([]);
});
