import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  facilitatorPage,
  joinAndConsent,
  notesInStore,
  openSession,
  phonePage,
  startWorld,
  type E2eWorld,
} from './harness.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

const storedNoteTexts = () => [...notesInStore(world).values()].flat().map((n) => n.text);

describe("a facilitator acting on someone's request to be erased", () => {
  it("finds them among the programme's people and erases their words after a second click", async () => {
    const sessionId = 'session-01';
    const title = world.demo.sessions.find((s) => s.session.id === sessionId)!.session.title;
    const fac = await facilitatorPage(world);
    const code = await openSession(fac, world, sessionId);
    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);
    const words = 'I rang the helpline three times and nobody called me back.';
    await phone.getByRole('textbox', { name: 'Add your words' }).fill(words);
    await phone.getByRole('button', { name: 'Send' }).click();
    await fac.getByText(words).waitFor();
    await phone.close();

    // Later, on the programme's People screen: the person who joined is listed by their descriptor.
    await fac.goto(`${world.server.url}/programmes/${world.demo.programme.id}/people`);
    const people = fac.getByRole('main');
    const row = people
      .getByRole('row')
      .filter({ hasText: title })
      .filter({ hasText: /Participant \d+/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Yes');
    // Registered people who have not taken part are listed too, with no contact details.
    const member = world.demo.participants[0]!;
    await people.getByRole('cell', { name: `${member.descriptor} ${member.cohort}` }).waitFor();
    const listed = (await people.textContent()) ?? '';
    for (const p of world.demo.participants) {
      if (p.contact?.email) expect(listed).not.toContain(p.contact.email);
      if (p.contact?.name) expect(listed).not.toContain(p.contact.name);
    }

    // The first click only asks; "Keep" leaves everything as it was.
    await row.getByRole('button', { name: /Erase their words/ }).click();
    await row.getByRole('button', { name: /Keep/ }).click();
    expect(storedNoteTexts()).toContain(words);

    await row.getByRole('button', { name: /Erase their words/ }).click();
    if (process.env.COHEAR_SCREENSHOTS)
      await fac.screenshot({
        path: `${process.env.COHEAR_SCREENSHOTS}/people-erase-confirm.png`,
        fullPage: true,
      });
    await row.getByRole('button', { name: /Erase for good/ }).click();
    const status = people.getByRole('status');
    await expect(status.textContent()).resolves.toMatch(
      /Removed 1 contribution from Participant \d+\. Their consent .* withdrawn\./,
    );
    // The list is read again before the message is shown, so it already says so.
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('No');
    expect(storedNoteTexts()).not.toContain(words);
    if (process.env.COHEAR_SCREENSHOTS) {
      await people.screenshot({ path: `${process.env.COHEAR_SCREENSHOTS}/people-erased.png` });
      await fac.setViewportSize({ width: 390, height: 844 });
      await people.screenshot({ path: `${process.env.COHEAR_SCREENSHOTS}/people-390.png` });
    }
    await fac.close();
  });
});
