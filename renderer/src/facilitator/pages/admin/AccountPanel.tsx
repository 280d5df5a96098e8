import { useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import {
  changeAccount,
  ROLE_WORDS,
  type Account,
  type AccountRole,
  type AdminState,
} from './admin-api.ts';

/** One account: change its role, disable it or enable it again. */
export function AccountPanel(props: {
  account: Account;
  isSelf: boolean;
  onChanged: (s: AdminState) => void;
}) {
  const { account } = props;
  const [role, setRole] = useState<AccountRole>(account.role);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const announce = useAnnounce();
  // Disabling swaps the button for "Enable again" (and back): focus follows to the new one.
  const toggleRef = useRef<HTMLButtonElement>(null);

  const apply = async (body: { role?: AccountRole; disabled?: boolean }, said: string) => {
    try {
      props.onChanged(await changeAccount(account.id, body));
      setOutcome({ error: false, text: said });
      announce(said);
      if (body.disabled !== undefined) requestAnimationFrame(() => toggleRef.current?.focus());
    } catch (e) {
      setOutcome({ error: true, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="card stack" aria-labelledby="account-heading">
      <h3 id="account-heading">
        {account.name} <span className="hint">{account.email}</span>
      </h3>
      {outcome && (
        <p className={outcome.error ? 'error' : 'notice'} role={outcome.error ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      <RadioGroup
        value={role}
        onChange={(v) => setRole(v as AccountRole)}
        className="stack"
        isDisabled={account.disabled}
      >
        <Label className="field-label">Role</Label>
        {(Object.keys(ROLE_WORDS) as AccountRole[]).map((r) => (
          <Radio key={r} value={r} className="choice">
            {ROLE_WORDS[r]}
          </Radio>
        ))}
      </RadioGroup>
      <p className="hint">Changing the role signs them out; they sign in again with the new one.</p>
      <div className="row">
        <button
          type="button"
          disabled={account.disabled}
          onClick={() => void apply({ role }, `${account.name} is now: ${ROLE_WORDS[role]}.`)}
        >
          Save role
        </button>
        {account.disabled ? (
          <button
            ref={toggleRef}
            type="button"
            className="secondary"
            onClick={() => void apply({ disabled: false }, `${account.name} can sign in again.`)}
          >
            Enable again
          </button>
        ) : (
          <button
            ref={toggleRef}
            type="button"
            className="danger"
            onClick={() => setConfirming(true)}
          >
            Disable account…
          </button>
        )}
      </div>
      <ConfirmDialog
        isOpen={confirming}
        title={`Disable ${account.name}'s account?`}
        confirmLabel="Disable"
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void apply(
            { disabled: true },
            `${account.name} can no longer sign in, and is signed out everywhere.`,
          );
        }}
      >
        {props.isSelf
          ? 'This is your own account: you will be signed out at once. '
          : 'They are signed out at once and cannot sign in again until enabled. '}
        The account is kept, so the audit log still names who did what.
      </ConfirmDialog>
    </section>
  );
}
