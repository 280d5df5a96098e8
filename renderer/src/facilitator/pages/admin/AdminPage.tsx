import { useCallback, useEffect, useState } from 'react';
import { GridList, GridListItem } from 'react-aria-components';
import { useAuth } from '../../app/auth-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AuditLog } from '../audit/AuditLog.tsx';
import { getAllAudit, type AuditFilter } from '../audit/governance-api.ts';
import { AccountForm } from './AccountForm.tsx';
import { AccountPanel } from './AccountPanel.tsx';
import { getAdmin, type AdminState } from './admin-api.ts';
import { MembershipsSection } from './MembershipsSection.tsx';
import '../audit/audit.css';
import './admin.css';

/** Server mode's administration: accounts, who sees which programme, the whole audit log. */
export function AdminPage() {
  const auth = useAuth();
  const [state, setState] = useState<AdminState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [auditKey, setAuditKey] = useState(0);

  useEffect(() => {
    getAdmin().then(setState, (e: unknown) =>
      setProblem(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const changed = (s: AdminState) => {
    setState(s);
    // The log below shows the change just made.
    setAuditKey((k) => k + 1);
  };
  const loadAudit = useCallback((f: AuditFilter) => getAllAudit(f), []);

  const account = state?.accounts.find((a) => a.id === selected) ?? null;
  return (
    <main id="main" className="page admin-page" tabIndex={-1}>
      <PageHeader title="Administration">
        <p className="hint">Accounts, who sees which programme, and everything in the audit log.</p>
      </PageHeader>
      {problem && (
        <p className="error" role="alert">
          {auth.mode === 'desktop'
            ? 'Accounts exist only when Cohear runs as a server; the desktop app has one user.'
            : `Could not load the administration screen: ${problem}`}
        </p>
      )}
      {state && (
        <>
          <section className="card stack" aria-labelledby="accounts-title">
            <h2 id="accounts-title">Accounts ({state.accounts.length})</h2>
            <div className="admin-layout">
              <GridList
                className="list-grid"
                aria-label="Accounts"
                selectionMode="single"
                selectedKeys={selected ? [selected] : []}
                onSelectionChange={(keys) => {
                  const [k] = keys === 'all' ? [] : [...keys];
                  setSelected(k === undefined ? null : String(k));
                }}
                items={state.accounts}
              >
                {(a) => (
                  <GridListItem textValue={a.name} className="list-row">
                    <span className="list-main">
                      <strong>{a.name}</strong>
                      <br />
                      <span className="hint">
                        {a.email} · {a.role}
                        {a.disabled ? ' · disabled' : ''}
                      </span>
                    </span>
                  </GridListItem>
                )}
              </GridList>
              {account ? (
                <AccountPanel
                  key={account.id}
                  account={account}
                  isSelf={account.id === auth.me.userId}
                  onChanged={changed}
                />
              ) : (
                <p className="hint">Choose an account to change its role or disable it.</p>
              )}
            </div>
            <AccountForm
              onAdded={(s, id) => {
                changed(s);
                setSelected(id);
              }}
            />
          </section>
          <MembershipsSection state={state} onChanged={changed} />
          <AuditLog
            key={auditKey}
            idPrefix="admin-audit"
            heading="Audit log: everything"
            load={loadAudit}
          />
        </>
      )}
    </main>
  );
}
