// The bare deck's early connection (cli/open-deck.ts) asks for the pane list as soon as its
// handshake is done, while the deck's modules are still loading; the link's first `list`
// (tui/link/daemon-link.ts, adopt) then takes that answer instead of asking again. Without it the
// deck waited one round trip to the daemon after loading (bench first-frame's "pane list": 3 ms
// quiet, 13–26 ms at load 7–15, where the daemon competes for the same two cores).
import type { Connection } from '../protocol/connection.js';
import type { RequestKind, RequestOf, ResponseMap } from '../protocol/messages.js';

type Requester = Pick<Connection, 'request'>;

/** Sends `list` now; the connection's next `list` request is answered by it (once). */
export function prefetchPaneList<C extends Requester>(connection: C): C {
  const send = connection.request.bind(connection) as Requester['request'];
  let early: Promise<ResponseMap['list']> | null = send({ kind: 'list' });
  early.catch(() => undefined); // a failure is the link's to see, when it asks
  const request = <K extends RequestKind>(body: RequestOf<K>): Promise<ResponseMap[K]> => {
    if (early && body.kind === 'list') {
      const answer = early as Promise<ResponseMap[K]>;
      early = null;
      return answer;
    }
    return send(body);
  };
  connection.request = request as C['request'];
  return connection;
}
