import { NOTE_MAX_CHARS } from '../../core/index.ts';

/**
 * Every limit the server enforces, in one place, with the defaults a venue needs. Passed into the
 * server (never read from the environment) so tests and the benchmark can set their own.
 */
export interface Limits {
  /** Largest WebSocket frame accepted; larger ones close the connection with 1009. */
  maxMessageBytes: number;
  /** Largest a document may grow (approximate stored size); updates beyond it are refused. */
  maxDocBytes: number;
  /** Largest participant frame (they only send awareness and sync step 1). */
  maxParticipantMessageBytes: number;
  /** Longest note in characters (the model's limit; here so it shows in one place). */
  maxNoteChars: number;
  /** Largest HTTP request body. */
  maxHttpBodyBytes: number;
  /**
   * Open WebSocket connections from one address. A venue's Wi-Fi, or the TLS proxy in front of a
   * hosted server, puts a whole room behind one address, so this is set for a room of phones;
   * the limits per participant and per sign-in are what stop one client filling it.
   */
  maxConnectionsPerAddress: number;
  /** Open WebSocket connections per participant (a phone with a tab or two, reconnecting). */
  maxConnectionsPerParticipant: number;
  /** Open WebSocket connections per facilitator or observer sign-in (a few tabs of documents). */
  maxConnectionsPerSignIn: number;
  /** Open WebSocket connections in total. */
  maxConnections: number;
  /** Participant writes: burst and sustained rate per participant. */
  writeBurst: number;
  writesPerSecond: number;
  /** Awareness messages a participant may send per second; more are dropped. */
  presencePerSecond: number;
  /** A socket whose unsent data grows past this is too slow to keep up and is closed. */
  maxBufferedBytes: number;
  /**
   * Each connection is pinged this often, and one that has not answered by its next ping is
   * dropped (a phone that lost its signal never says goodbye). A limit on how long a dead
   * connection may hold its place.
   */
  pingIntervalMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocBytes: 64 * 1024 * 1024,
  maxParticipantMessageBytes: 8 * 1024,
  maxNoteChars: NOTE_MAX_CHARS,
  maxHttpBodyBytes: 64 * 1024,
  maxConnectionsPerAddress: 2000,
  maxConnectionsPerParticipant: 8,
  maxConnectionsPerSignIn: 32,
  maxConnections: 5000,
  writeBurst: 20,
  writesPerSecond: 5,
  presencePerSecond: 10,
  maxBufferedBytes: 8 * 1024 * 1024,
  pingIntervalMs: 30_000,
};

/** WebSocket close codes used by the server. 44xx tell the stock client not to reconnect. */
export const CLOSE = {
  /** Standard: the frame could not be read as the protocol. */
  malformed: 1007,
  /** Standard: message too big (also what `ws` sends for frames over maxPayload). */
  tooBig: 1009,
  /** Standard: server error; the client reconnects and resyncs. */
  serverError: 1011,
  /** Standard: try again later (server shutting down, socket too slow). */
  tryAgain: 1013,
  goingAway: 1001,
  unauthorised: 4401,
  forbidden: 4403,
  notFound: 4404,
  documentFull: 4413,
} as const;
