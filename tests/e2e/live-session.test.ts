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

/** What the store holds for one session now. */
function sessionNotes(sessionId: string) {
  const notes = notesInStore(world).get(sessionId);
  if (!notes) throw new Error(`no session ${sessionId} in the store`);
  return notes;
}

describe('a live session in real browsers', () => {
  it('a phone joins with the code, follows the step, and its note reaches the facilitator once', async () => {
    const sessionId = 'session-04';
    const fac = await facilitatorPage(world);
    const code = await openSession(fac, world, sessionId);
    expect(code.replace(/\s/g, '')).toMatch(/^\d{12}$/);

    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);

    // The facilitator moves the room to the first persona stage; the phone shows its question.
    await fac.getByRole('listbox', { name: 'Agenda' }).getByRole('option').nth(1).click();
    const stage = world.demo.sessions.find((s) => s.session.id === sessionId)!.persona!.stages[0]!;
    await phone.getByText(stage.question).waitFor();

    const words = 'I want a physio to ring me back the same day when my back goes.';
    await phone.getByRole('textbox', { name: 'Add your words' }).fill(words);
    await phone.getByRole('button', { name: 'I would like to see' }).click();
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await phone.getByRole('heading', { name: 'Your words' }).waitFor();
    await fac.getByText(words).waitFor();

    const stored = sessionNotes(sessionId).filter((n) => n.text === words);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      polarity: 'want',
      stepId: `step-${stage.id}`,
      author: { type: 'participant' },
    });

    // Shared by the facilitator, it appears in the room as text only.
    await fac.getByRole('row', { name: new RegExp(words.slice(0, 40)) }).click();
    await fac
      .getByRole('group', { name: 'Tag the chosen note' })
      .getByLabel('Show to the room')
      .check();
    const shared = phone.locator('section', {
      has: phone.getByRole('heading', { name: 'What the group has said' }),
    });
    await shared.getByText(words).waitFor();
    await phone.close();
    await fac.close();
  });

  it('a note typed while the phone is offline is delivered exactly once when it reconnects', async () => {
    const sessionId = 'session-01';
    const fac = await facilitatorPage(world);
    const code = await openSession(fac, world, sessionId);
    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);

    await phone.context().setOffline(true);
    const words = 'Typed in the car park where there is no signal.';
    await phone.getByRole('textbox', { name: 'Add your words' }).fill(words);
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await phone.getByText('Waiting to send').waitFor();
    expect(sessionNotes(sessionId).filter((n) => n.text === words)).toHaveLength(0);

    await phone.context().setOffline(false);
    await fac.getByText(words).waitFor({ timeout: 30_000 });
    await phone.getByText('Waiting to send').waitFor({ state: 'detached', timeout: 30_000 });
    // Reloading the page must not send it again.
    await phone.reload();
    await phone.getByText('Connected').waitFor();
    await phone.getByRole('heading', { name: 'Your words' }).waitFor();
    expect(sessionNotes(sessionId).filter((n) => n.text === words)).toHaveLength(1);
    await phone.close();
    await fac.close();
  });

  it('a wrong code gets a clear message and no place in the session', async () => {
    const phone = await phonePage(world);
    await phone.goto(`${world.server.url}/join`);
    await phone.getByLabel(/Type the code/).fill('0000 0000 0000');
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByRole('alert').textContent()).resolves.toMatch(/did not work/);
    await phone.close();
  });

  it('a note over the length limit cannot be sent, and says by how much', async () => {
    const fac = await facilitatorPage(world);
    const code = await openSession(fac, world, 'session-02');
    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);
    await phone.getByRole('textbox', { name: 'Add your words' }).fill('a'.repeat(4010));
    await phone.getByText('10 characters too long').waitFor();
    // Send keeps the words in the box and sends nothing.
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    expect(await phone.getByRole('textbox', { name: 'Add your words' }).inputValue()).toHaveLength(
      4010,
    );
    expect(await phone.getByRole('heading', { name: 'Your words' }).count()).toBe(0);
    await phone.close();
    await fac.close();
  });

  it("taking back consent to keep one's words removes them from the phone, the facilitator and the store", async () => {
    const sessionId = 'session-03';
    const fac = await facilitatorPage(world);
    const code = await openSession(fac, world, sessionId);
    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);
    const words = 'Please stop sending the letters to my old address.';
    await phone.getByRole('textbox', { name: 'Add your words' }).fill(words);
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await phone.getByRole('heading', { name: 'Your words' }).waitFor();
    await fac.getByText(words).waitFor();

    await phone.getByRole('button', { name: 'Your choices about your words' }).click();
    await phone.getByLabel(/Keep what I write/).uncheck();
    const warning = phone.getByRole('alert');
    await expect(warning.textContent()).resolves.toMatch(/removes everything you have added here/);
    if (process.env.COHEAR_SCREENSHOTS)
      await phone.screenshot({ path: `${process.env.COHEAR_SCREENSHOTS}/consent-withdraw.png` });
    await phone.getByRole('button', { name: 'Continue' }).click();

    await fac.getByText(words).waitFor({ state: 'detached' });
    await phone.getByText(words).waitFor({ state: 'detached' });
    expect(sessionNotes(sessionId).filter((n) => n.text === words)).toHaveLength(0);
    await phone.close();
    await fac.close();
  });
});
