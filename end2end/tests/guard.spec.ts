import { expect, test } from "./fixtures";

// The suite's own safety net: an island whose HTML no longer matches what the WebAssembly expects
// (here, one element slipped into the server's answer on its way to the browser) panics while
// hydrating, exactly as the release build did when its two halves were built differently. The
// fixture must have caught the panic (any test would then fail); this test takes it back out.
// A visitor's hashtag feed has one island (the feed that grows).
test("une hydratation qui échoue est attrapée", async ({ page, consoleGuard }) => {
  await page.route("**/tags/garde", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<leptos-island[^>]*>)/, "$1<p>intrus</p>");
    await route.fulfill({ response, body: html });
  });
  const panicked = page.waitForEvent("pageerror");
  await page.goto("/tags/garde");
  await expect(page.getByText("intrus")).toBeVisible();
  await panicked;
  expect(consoleGuard.take(/panicked at .*tachys.*hydration\.rs/s)).toHaveLength(1);
  expect(consoleGuard.take(/RuntimeError: unreachable/)).toHaveLength(1);
});
