import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { STRINGS } from '../../lib/i18n/strings';
import { expect, expectedPages, openOptions, test } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  return (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations;
}

test('the options page has no accessibility violations', async ({ page, extension }) => {
  await openOptions(page, extension);
  expect(await violations(page)).toEqual([]);
});

for (const lang of ['en', 'es'] as const) {
  test(`the support card has no accessibility violations (${lang})`, async ({
    page,
    extension,
    server,
  }) => {
    const text = STRINGS[lang];
    await openOptions(page, extension);
    await page.locator('select[name="language"]').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (lang === 'es') expect(await violations(page)).toEqual([]);

    const expected = expectedPages[1] ?? expectedPages[0];
    if (!expected) throw new Error('no demo pages');
    await page.goto(`${server.url}/${expected.page}`);
    const markers = page.getByRole('button', { name: text.markerLabel });
    await expect(markers).toHaveCount(expected.feedStudentIds.length);
    await markers.first().click();
    const card = page.frameLocator(`iframe[title="${text.cardFrameTitle}"]`);
    await expect(card.getByRole('heading', { level: 1 })).not.toHaveText(text.cardFallbackTitle);
    await expect(card.getByRole('heading', { level: 2 }).first()).toHaveText(text.accommodations);

    // Check the card page itself, opened on its own with the same nonce.
    const cardUrl = page
      .frames()
      .find((frame) => frame.url().includes('/card.html'))
      ?.url();
    if (!cardUrl) throw new Error('card frame not found');
    const alone = await extension.context.newPage();
    await alone.goto(cardUrl);
    await expect(alone.locator('html')).toHaveAttribute('lang', lang);
    await expect(alone.getByRole('heading', { level: 1 })).not.toHaveText(text.cardFallbackTitle);
    expect(await violations(alone)).toEqual([]);
  });
}
