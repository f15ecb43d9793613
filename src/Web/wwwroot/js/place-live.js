// A place page kept current: place:{id} says that a discussion, event or paper arrived
// (docs/live-protocol.md); the page then fetches its lists as the server renders them for this
// reader, marks what is new and says so to screen readers. Without this script the page still
// works; it shows what there was when it loaded.
(() => {
  "use strict";

  const root = document.querySelector("[data-place-live]");
  const status = document.getElementById("place-live-status");
  if (!root || !window.signalR) {
    return;
  }

  const nouns = { "thread.started": "discussion", "event.published": "event", "paper.published": "paper" };
  const stream = { name: root.dataset.stream, last: Number(root.dataset.lastSeq || 0) };
  let pending = [];
  let refreshing = false;

  function say(text, state) {
    if (status) {
      status.textContent = text;
      status.dataset.state = state;
    }
  }

  // Fetch the lists once for any number of arrivals, then point out each arrival this reader can see.
  async function refresh() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    try {
      while (pending.length > 0) {
        const arrivals = pending;
        pending = [];
        const response = await fetch(root.dataset.refresh, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
        if (!response.ok) {
          continue;
        }
        root.innerHTML = await response.text();
        const shown = arrivals.map((a) => ({ ...a, item: root.querySelector(`[data-item-id="${a.id}"]`) })).filter((a) => a.item);
        for (const a of shown) {
          a.item.classList.add("arrived");
        }
        if (shown.length > 0) {
          say(shown.map((a) => `New ${a.noun}: ${a.title}`).join(". "), "on");
        }
      }
    } catch {
      // The next arrival (or a reconnect) fetches again.
    } finally {
      refreshing = false;
    }
  }

  function apply(event) {
    if (event.seq <= stream.last) {
      return; // a copy of one already applied
    }
    if (event.seq > stream.last + 1) {
      subscribe(); // one was missed: catch up from the stored stream
      return;
    }
    stream.last = event.seq;
    if (nouns[event.kind]) {
      pending.push({ id: event.data.id, title: event.data.title, noun: nouns[event.kind] });
      refresh();
    }
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => (context.previousRetryCount === 0 ? 0 : 2000) })
    .build();

  async function subscribe() {
    const result = await connection.invoke("Subscribe", stream.name, stream.last);
    if (result.reset) {
      stream.last = result.lastSeq;
      pending.push({ id: "", title: "", noun: "" }); // too far behind: reload the lists, announce nothing
      await refresh();
      return;
    }
    for (const event of result.events) {
      apply(event);
    }
  }

  const receiveEvent = (event) => {
    if (event.stream === stream.name) {
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
    if (head.stream === stream.name && head.lastSeq > stream.last) {
      subscribe().catch(() => {});
    }
  });
  // Too slow for the server's queue: it stopped sending this stream; subscribe again from the last number.
  connection.on("reset", (notice) => {
    if (notice.stream === stream.name) {
      subscribe().catch(() => {});
    }
  });
  connection.onreconnecting(() => say("Reconnecting… new arrivals will show when the connection is back.", "reconnecting"));
  connection.onreconnected(async () => {
    await subscribe();
    say("Live: new discussions, events and papers here appear as they arrive.", "on");
  });
  connection.onclose(() => {
    say("Showing the place as it was when the page loaded.", "offline");
    setTimeout(start, 2000);
  });

  async function start() {
    try {
      await connection.start();
      await subscribe();
      root.dataset.live = "on";
      say("Live: new discussions, events and papers here appear as they arrive.", "on");
    } catch {
      setTimeout(start, 2000);
    }
  }

  start();
})();
