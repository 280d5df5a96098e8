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
  it("finds them among the programme's people and erases their words after asking", async () => {
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
    const list = people.getByRole('grid', { name: 'People' });
    const row = list.getByRole('row', { name: /Participant \d+/ });
    await row.waitFor();
    // Registered people who have not taken part are listed too, with no contact details.
    const member = world.demo.participants[0]!;
    await list
      .getByRole('row', { name: new RegExp(member.descriptor) })
      .first()
      .waitFor();
    const listed = (await list.textContent()) ?? '';
    for (const p of world.demo.participants) {
      if (p.contact?.email) expect(listed).not.toContain(p.contact.email);
      if (p.contact?.name) expect(listed).not.toContain(p.contact.name);
    }
    await row.click();
    const panel = people.locator('.person-panel');
    await panel
      .getByText(/Recorded yes/)
      .first()
      .waitFor();
    // They came without registering: the session is shown, unticked, with that said in words.
    const sessions = panel.getByRole('group', { name: 'Registered for' });
    expect(await sessions.getByLabel(new RegExp(title)).isChecked()).toBe(false);
    await sessions.getByText('Came without registering').waitFor();

    // The first click only asks; "Cancel" leaves everything as it was.
    await panel.getByRole('button', { name: /Erase their words/ }).click();
    await fac.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(storedNoteTexts()).toContain(words);

    await panel.getByRole('button', { name: /Erase their words/ }).click();
    if (process.env.COHEAR_SCREENSHOTS)
      await fac.screenshot({
        path: `${process.env.COHEAR_SCREENSHOTS}/people-erase-confirm.png`,
        fullPage: true,
      });
    await fac.getByRole('alertdialog').getByRole('button', { name: 'Erase', exact: true }).click();
    await panel
      .getByText(/Removed 1 contribution from Participant \d+\. Their consent .* withdrawn\./)
      .waitFor();
    // The record is read again first: it already says it was erased.
    await panel.getByText(/erased at their request/).waitFor();
    expect(storedNoteTexts()).not.toContain(words);
    if (process.env.COHEAR_SCREENSHOTS)
      await people.screenshot({ path: `${process.env.COHEAR_SCREENSHOTS}/people-erased.png` });
    await fac.close();
  });
});
