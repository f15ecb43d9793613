// Live Q&A: keeps a server-rendered list current through the hub (docs/live-protocol.md).
// Without this script the page still works: every action is a form post.
(() => {
  "use strict";

  const root = document.querySelector("[data-qa-live]");
  if (root && window.signalR) {
    startLive(root);
  }
  startSuggestions(document.getElementById("question-text"), document.getElementById("similar"));

  function startLive(root) {
    const streams = [{ name: root.dataset.stream, last: Number(root.dataset.lastSeq || 0) }];
    if (root.dataset.moderationStream) {
      streams.push({ name: root.dataset.moderationStream, last: Number(root.dataset.moderationSeq || 0) });
    }

    let refreshing = false;
    let again = false;
    let scheduled = 0;
    let lastRefresh = 0;
    const minGap = 1500;

    // Any change but a vote total: fetch the list as the server renders it for this person.
    // At most one fetch per 1.5 s (plus a little jitter), so a busy webinar's many browsers do
    // not all ask the server at the same instant for every question.
    function refresh() {
      if (scheduled) {
        return;
      }
      const wait = Math.max(0, lastRefresh + minGap - Date.now());
      const jitter = wait > 0 ? Math.random() * 300 : 0;
      scheduled = setTimeout(() => {
        scheduled = 0;
        fetchList();
      }, wait + jitter);
    }

    async function fetchList() {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = true;
      lastRefresh = Date.now();
      try {
        do {
          again = false;
          const response = await fetch(root.dataset.refresh, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
          if (response.ok) {
            root.innerHTML = await response.text();
            root.dataset.version = String(Number(root.dataset.version || 0) + 1);
          }
        } while (again);
      } catch {
        // The next change (or a reconnect) fetches again.
      } finally {
        refreshing = false;
      }
    }

    // Vote totals arrive coalesced, a few times a second at most, with the latest numbers.
    function applyTotals(totals) {
      for (const total of totals) {
        const item = root.querySelector(`[data-question-id="${total.id}"] .votes`);
        if (item) {
          item.textContent = String(total.votes);
        }
      }
      if (root.dataset.sort !== "Time") {
        resort(root.querySelector("ol.questions, ol.presenter-list"));
      }
    }

    // A new visible question, filled into the page's template; false when the page must reload
    // the list instead (no template: hosts' lists carry moderation buttons; or it is already shown).
    function insert(question) {
      const template = root.querySelector("#qa-question-template");
      const list = root.querySelector("ol.questions");
      if (!template || !list || root.querySelector(`[data-question-id="${question.id}"]`)) {
        return false;
      }
      const item = template.content.firstElementChild.cloneNode(true);
      item.dataset.questionId = question.id;
      item.querySelector(".votes").textContent = String(question.votes);
      item.querySelector(".question-text").textContent = question.text;
      item.querySelector(".question-meta").textContent = question.author ? question.author.displayName : "Anonymous";
      const id = item.querySelector("input[name='questionId']");
      if (id) {
        id.value = question.id;
      }
      list.append(item);
      root.querySelector(".empty-state")?.remove();
      if (root.dataset.sort !== "Time") {
        resort(list);
      }
      return true;
    }

    // Sorted by votes: keep the order as totals change (stable, so equal totals keep their places).
    function resort(list) {
      if (!list) {
        return;
      }
      const votes = (item) => Number(item.querySelector(".votes")?.textContent || 0);
      const items = [...list.children];
      const sorted = items.map((item, index) => ({ item, index }))
        .sort((a, b) => votes(b.item) - votes(a.item) || a.index - b.index)
        .map((x) => x.item);
      if (sorted.some((item, index) => item !== items[index])) {
        list.append(...sorted);
      }
    }

    function apply(stream, event) {
      if (event.seq <= stream.last) {
        return; // a copy of one already applied
      }
      if (event.seq > stream.last + 1) {
        subscribe(stream); // a message was lost after commit: catch up from the stored stream
        return;
      }
      stream.last = event.seq;
      if (event.kind === "votes.updated") {
        applyTotals(event.data.totals);
      } else if (!(event.kind === "question.added" && insert(event.data))) {
        refresh();
      }
    }

    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => (context.previousRetryCount === 0 ? 0 : 2000) })
      .build();

    async function subscribe(stream) {
      const result = await connection.invoke("Subscribe", stream.name, stream.last);
      if (result.reset) {
        stream.last = result.lastSeq;
        await refresh();
        return;
      }
      for (const event of result.events) {
        apply(stream, event);
      }
    }

    const receiveEvent = (event) => {
      const stream = streams.find((s) => s.name === event.stream);
      if (stream) {
        apply(stream, event);
      }
    };
    connection.on("event", receiveEvent);
    // A busy stream's events can come several to a message, in order: each applies as if alone.
    connection.on("events", (events) => events.forEach(receiveEvent));
    connection.on("presence", () => {});
    connection.on("typing", () => {});
    // Where a stream ends now: further than we got means an event was lost without a trace.
    connection.on("heads", (head) => {
      const stream = streams.find((s) => s.name === head.stream);
      if (stream && head.lastSeq > stream.last) {
        subscribe(stream).catch(() => {});
      }
    });
    // Too slow for the server's queue: it stopped sending that stream; subscribe again from the last number.
    connection.on("reset", (notice) => {
      const stream = streams.find((s) => s.name === notice.stream);
      if (stream) {
        subscribe(stream).catch(() => {});
      }
    });
    // What this person may see changed (no longer a co-host, say): stop following that stream and
    // redraw from the server, which shows them what they may see now.
    connection.on("revoked", async (notice) => {
      const index = streams.findIndex((s) => s.name === notice.stream);
      if (index >= 0) {
        streams.splice(index, 1);
        await refresh();
      }
    });
    connection.onreconnecting(() => { root.dataset.live = "reconnecting"; });
    connection.onreconnected(async () => {
      for (const stream of streams) {
        await subscribe(stream);
      }
      root.dataset.live = "on";
    });
    connection.onclose(() => {
      root.dataset.live = "off";
      setTimeout(start, 2000);
    });

    async function start() {
      try {
        await connection.start();
        for (const stream of streams) {
          await subscribe(stream);
        }
        root.dataset.live = "on";
      } catch {
        setTimeout(start, 2000);
      }
    }

    start();
  }

  // While someone types a question, show similar ones already asked.
  function startSuggestions(input, list) {
    if (!input || !list || !input.dataset.similarUrl) {
      return;
    }
    let timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = input.value.trim();
        list.replaceChildren();
        if (text.length < 4) {
          return;
        }
        const response = await fetch(`${input.dataset.similarUrl}&text=${encodeURIComponent(text)}`, { credentials: "same-origin" });
        if (!response.ok) {
          return;
        }
        const similar = await response.json();
        if (similar.length === 0) {
          return;
        }
        const heading = document.createElement("li");
        heading.className = "similar-heading";
        heading.textContent = "Already asked; upvote one of these instead?";
        list.append(heading);
        for (const question of similar) {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = `#qa`;
          link.textContent = `${question.text} (${question.votes} votes)`;
          link.addEventListener("click", () => {
            document.querySelector(`[data-question-id="${question.id}"]`)?.scrollIntoView({ block: "center" });
          });
          item.append(link);
          list.append(item);
        }
      }, 400);
    });
  }
})();
