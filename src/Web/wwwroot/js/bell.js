// The bell in the header, kept current: the member's own stream "member:{id}"
// (docs/live-protocol.md) says when a notification arrives or some are read, and every event
// carries the unread count after it. The page was drawn with the count at that moment; to learn
// where the stream stands, the script subscribes once beyond its end (an empty answer with the
// stream's last number), then again from just before that number, which returns the latest event
// and with it the count as of now. After that it applies events in order, catches up on a gap or a
// reconnect, and announces arrivals politely without moving focus. Without this script the bell
// shows the count from page load.
(() => {
  "use strict";

  const bell = document.querySelector("[data-bell][data-stream]");
  const count = bell?.querySelector("[data-bell-count]");
  const announcer = document.querySelector("[data-bell-announcer]");
  if (!bell || !count || !bell.dataset.stream || !window.signalR) {
    return;
  }

  const stream = bell.dataset.stream;
  let last = null; // the number of the last event applied; null until the first sync
  let quietUpTo = 0; // events up to here happened before this page: they set the count, nothing is announced

  function show(unread) {
    count.textContent = String(unread);
    bell.dataset.unread = String(unread);
    bell.setAttribute("aria-label", `Notifications, ${unread} unread`);
  }

  function announce(text) {
    if (announcer) {
      announcer.textContent = text;
    }
  }

  function apply(event) {
    if (event.seq <= last) {
      return; // a copy of one already applied
    }
    if (event.seq > last + 1) {
      catchUp(); // one was missed between commit and send: ask the stored stream
      return;
    }
    last = event.seq;
    if (typeof event.data?.unread === "number") {
      show(event.data.unread);
    }
    if (event.kind === "notification.added" && event.seq > quietUpTo) {
      announce(`New notification: ${event.data.notification.title}`);
    }
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => (context.previousRetryCount === 0 ? 0 : 2000) })
    .build();

  // Where the stream stands now: its last number, then its last event (and its count).
  async function sync() {
    const head = await connection.invoke("Subscribe", stream, Number.MAX_SAFE_INTEGER);
    quietUpTo = head.lastSeq;
    last = Math.max(head.lastSeq - 1, 0);
    if (head.lastSeq > 0) {
      await catchUp();
    }
  }

  async function catchUp() {
    const result = await connection.invoke("Subscribe", stream, last);
    if (result.reset) {
      await sync();
      return;
    }
    for (const event of result.events) {
      apply(event);
    }
  }

  const receiveEvent = (event) => {
    if (event.stream === stream && last !== null) {
      apply(event);
    }
  };
  connection.on("event", receiveEvent);
  // A busy stream's events can come several to a message, in order: each applies as if alone.
  connection.on("events", (events) => events.forEach(receiveEvent));
  connection.on("presence", () => {});
  connection.on("typing", () => {});
  connection.on("revoked", () => {});
  // Where the stream ends now: further than we got means an event was lost without a trace.
  connection.on("heads", (head) => {
    if (head.stream === stream && last !== null && head.lastSeq > last) {
      catchUp().catch(() => {});
    }
  });
  // Too slow for the server's queue: it stopped sending this stream; catch up from the last number.
  connection.on("reset", (notice) => {
    if (notice.stream === stream) {
      catchUp().catch(() => {});
    }
  });
  connection.onreconnected(() => catchUp().catch(() => {}));
  connection.onclose(() => setTimeout(start, 2000));

  async function start() {
    try {
      if (connection.state === signalR.HubConnectionState.Disconnected) {
        await connection.start();
      }
      await (last === null ? sync() : catchUp());
      bell.dataset.live = "on";
    } catch {
      setTimeout(start, 2000);
    }
  }

  start();
})();
