import { useEffect, useMemo, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  SessionDoc,
  sessionDocName,
  type AgendaStep,
  type Note,
  type Persona,
} from '../../../../../core/index.ts';
import { COLLAB_PATH } from '../../../../../core/client/messages.ts';
import { collabBase } from '../../../shared/http.ts';

/** What the analysis reads of one session, kept up to date note by note. */
export interface SessionContentLite {
  agenda: AgendaStep[];
  persona: Persona | null;
  notes: Note[];
}

export interface SessionDocs {
  /** Every session's live document, once all of them have the server's state; else null. */
  docs: Map<string, SessionDoc> | null;
  /** Their content; a session's entry is a new object only when that session changed. */
  contents: Map<string, SessionContentLite>;
  /** Changes after any edit in any of them (at most once a frame), so readers re-render. */
  version: number;
  online: boolean;
}

interface Cache {
  notes: Map<string, Note>;
  content: SessionContentLite;
  dirty: boolean;
}

/**
 * Opens every session document of a programme read-write with the stock y-websocket client, for
 * the analysis screens, which tag and merge across sessions. A change re-reads only the notes it
 * touched (a tag is one note, not 2,000 validated again), and changes are gathered into one
 * re-render per animation frame, so a merge touching 300 notes is one paint.
 */
export function useSessionDocs(sessionIds: readonly string[]): SessionDocs {
  const key = sessionIds.join(',');
  const opened = useMemo(
    () =>
      (key ? key.split(',') : []).map((id) => {
        const ydoc = new Y.Doc();
        return { id, ydoc, doc: new SessionDoc(ydoc) };
      }),
    [key],
  );
  const [state, setState] = useState<Omit<SessionDocs, 'docs'> & { ready: boolean }>({
    ready: false,
    contents: new Map(),
    version: 0,
    online: false,
  });
  useEffect(() => {
    const base = collabBase(COLLAB_PATH);
    const providers = opened.map((o) => new WebsocketProvider(base, sessionDocName(o.id), o.ydoc));
    const caches = new Map<string, Cache>();
    let frame = 0;
    let version = 0;
    let contents = new Map<string, SessionContentLite>();
    const flush = () => {
      frame = 0;
      const ready = providers.every((p) => p.synced);
      if (ready) {
        const next = new Map(contents);
        for (const o of opened) {
          let c = caches.get(o.id);
          if (!c) {
            const notes = new Map(o.doc.notes.all().map((n) => [n.id, n]));
            c = { notes, content: { agenda: [], persona: null, notes: [] }, dirty: true };
            c.content = { agenda: o.doc.agenda(), persona: o.doc.persona(), notes: [] };
            caches.set(o.id, c);
          }
          if (c.dirty || !next.has(o.id)) {
            c.content = { ...c.content, notes: [...c.notes.values()] };
            c.dirty = false;
            next.set(o.id, c.content);
          }
        }
        contents = next;
      }
      setState({
        ready,
        contents,
        version: ++version,
        online: providers.every((p) => p.wsconnected),
      });
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(flush);
    };
    const stops = opened.map((o) =>
      o.doc.observeChanges((change) => {
        const c = caches.get(o.id);
        if (c) {
          for (const id of change.noteIds) {
            const n = o.doc.notes.get(id);
            if (n) c.notes.set(id, n);
            else c.notes.delete(id);
          }
          if (change.header)
            c.content = { ...c.content, agenda: o.doc.agenda(), persona: o.doc.persona() };
          c.dirty = true;
        }
        later();
      }),
    );
    for (const p of providers) {
      p.on('sync', later);
      p.on('status', later);
    }
    later();
    return () => {
      cancelAnimationFrame(frame);
      stops.forEach((s) => s());
      providers.forEach((p) => p.destroy());
      opened.forEach((o) => o.ydoc.destroy());
      setState({ ready: false, contents: new Map(), version: 0, online: false });
    };
  }, [opened]);
  const docs = useMemo(
    () => (state.ready ? new Map(opened.map((o) => [o.id, o.doc])) : null),
    [state.ready, opened],
  );
  return { docs, contents: state.contents, version: state.version, online: state.online };
}
