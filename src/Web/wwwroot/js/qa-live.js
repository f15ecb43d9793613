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

    // Any change but a vote total: fetch the list as the server renders it for this person.
    async function refresh() {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = true;
      try {
        do {
          again = false;
          const response = await fetch(root.dataset.refresh, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
          if (response.ok) {
            root.innerHTML = await response.text();
            root.dataset.version = String(Number(root.dataset.version || 0) + 1);
          }
        } while (again);
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
      } else {
        refresh();
      }
    }

    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/live")
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

    connection.on("event", (event) => {
      const stream = streams.find((s) => s.name === event.stream);
      if (stream) {
        apply(stream, event);
      }
    });
    connection.on("presence", () => {});
    connection.on("typing", () => {});
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
