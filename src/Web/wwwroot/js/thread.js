// Live thread page. The page is complete without this file; here it subscribes to the thread's
// stream from the sequence number the page was rendered at and applies events in order
// (docs/live-protocol.md): duplicates are dropped, a gap triggers a catch-up, a reset reloads.
// It also sends replies without a reload (keeping the text if sending fails), and shows who is
// reading and typing.
(() => {
  "use strict";

  const posts = document.getElementById("posts");
  if (!posts || !window.signalR) {
    return;
  }

  const stream = posts.dataset.stream;
  const memberId = posts.dataset.memberId;
  const canModerate = posts.dataset.canModerate === "true";
  let canReply = posts.dataset.canReply === "true";
  const showsLatest = posts.dataset.showsLatest === "true";
  const threadId = posts.dataset.threadId;
  let lastSeq = Number(posts.dataset.lastSeq) || 0;

  const status = document.getElementById("live-status");
  const presence = document.getElementById("presence");
  const typing = document.getElementById("typing");
  const newPosts = document.getElementById("new-posts");
  const template = document.getElementById("post-template");
  const form = document.getElementById("reply-form");
  const textarea = form?.querySelector("textarea");
  const replyError = document.getElementById("reply-error");

  const setStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  // ---------------------------------------------------------------- rendering

  const byId = (postId) => posts.querySelector(`[data-post-id="${CSS.escape(postId)}"]`);

  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
  });

  function build(post) {
    const article = template.content.firstElementChild.cloneNode(true);
    article.id = `post-${post.number}`;
    article.dataset.postId = post.id;
    article.dataset.number = String(post.number);
    article.dataset.authorId = post.author.id;
    article.setAttribute("aria-labelledby", `post-${post.number}-heading`);
    const author = article.querySelector(".post-author");
    author.id = `post-${post.number}-heading`;
    const authorLink = author.querySelector("a");
    authorLink.href = `/people/${post.author.id}`;
    authorLink.textContent = post.author.displayName;
    const number = article.querySelector(".post-number");
    number.href = `#post-${post.number}`;
    number.textContent = `#${post.number}`;
    number.setAttribute("aria-label", `Post ${post.number}`);
    const time = article.querySelector(".post-time");
    time.dateTime = post.createdAt;
    time.textContent = when.format(new Date(post.createdAt)).replace(" at ", ", ");
    if (post.quote) {
      const quote = article.querySelector(".post-quote");
      quote.hidden = false;
      const link = quote.querySelector(".quote-link");
      link.href = `#post-${post.quote.number}`;
      link.textContent = `${post.quote.authorName} wrote (#${post.quote.number})`;
      quote.querySelector(".quote-excerpt").textContent = post.quote.excerpt ?? "This post is no longer shown.";
    }
    const quoteAction = article.querySelector(".action-quote");
    quoteAction.href = `/Threads/${threadId}?quote=${post.id}#reply`;
    quoteAction.hidden = !canReply;
    const edit = article.querySelector(".action-edit");
    edit.href = `/Threads/${threadId}/posts/${post.id}/edit`;
    edit.hidden = post.author.id !== memberId;
    fill(article, post);
    return article;
  }

  // The parts of a post that change after it was written.
  function fill(article, post) {
    const body = article.querySelector(".post-body");
    const gone = article.querySelector(".post-gone");
    if (post.isDeleted || post.html == null) {
      showGone(article, post.isDeleted ? "Post removed by its author." : "Post hidden by a moderator.");
      return;
    }
    if (body) {
      // Markdown rendered and sanitized by the Api, the same HTML the server-side page shows.
      body.innerHTML = post.html;
      body.hidden = false;
    }
    if (gone) {
      gone.hidden = true;
    }
    article.classList.remove("post-hidden", "post-deleted");
    const edited = article.querySelector(".post-edited");
    if (edited && post.editedAt) {
      edited.hidden = false;
      edited.href = `/Threads/${threadId}/posts/${post.id}/edit`;
    }
  }

  function showGone(article, text) {
    let gone = article.querySelector(".post-gone");
    if (!gone) {
      gone = document.createElement("p");
      gone.className = "post-gone";
      article.querySelector(".post-header").after(gone);
    }
    gone.textContent = text;
    gone.hidden = false;
    article.querySelector(".post-body")?.remove();
    article.querySelector(".post-actions")?.remove();
  }

  function addPost(post) {
    const existing = byId(post.id);
    if (existing) {
      return;
    }
    if (!showsLatest) {
      newPosts.hidden = false;
      return;
    }
    posts.append(build(post));
    markReadSoon(post.number);
  }

  // ---------------------------------------------------------------- events

  const apply = {
    "post.added": (data) => { stopTyping(data.author.displayName); addPost(data); },
    "post.edited": (data) => { const article = byId(data.id); if (article) fill(article, data); },
    "post.unhidden": (data) => { const article = byId(data.id); if (article) { article.replaceWith(build(data)); } },
    "post.deleted": (data) => { const article = byId(data.postId); if (article) { article.classList.add("post-deleted"); showGone(article, "Post removed by its author."); } },
    "post.hidden": (data) => {
      const article = byId(data.postId);
      if (!article) return;
      article.classList.add("post-hidden");
      if (!canModerate) showGone(article, "Post hidden by a moderator.");
    },
    "thread.locked": () => setLocked(true),
    "thread.unlocked": () => setLocked(false),
  };

  function setLocked(locked) {
    canReply = !locked;
    document.getElementById("reply").hidden = locked;
    document.getElementById("locked-notice").hidden = !locked;
    document.getElementById("locked-badge").hidden = !locked;
  }

  let catchingUp = false;
  let held = [];

  function receive(event) {
    if (event.stream !== stream) return;
    if (catchingUp) { held.push(event); return; }
    if (event.seq <= lastSeq) return; // a copy: already applied
    if (event.seq > lastSeq + 1) { subscribe().catch(() => connection.stop()); return; } // a gap: lost after commit
    apply[event.kind]?.(event.data);
    lastSeq = event.seq;
  }

  async function subscribe() {
    if (catchingUp) return;
    catchingUp = true;
    held = [];
    try {
      const result = await connection.invoke("Subscribe", stream, lastSeq);
      if (result.reset) {
        // Too far behind to catch up: the page, reloaded over HTTP, is the new starting point.
        location.reload();
        return;
      }
      for (const event of result.events) {
        if (event.seq > lastSeq) {
          apply[event.kind]?.(event.data);
          lastSeq = event.seq;
        }
      }
    } finally {
      catchingUp = false;
    }
    const pending = held;
    held = [];
    pending.sort((a, b) => a.seq - b.seq).forEach(receive);
  }

  // ---------------------------------------------------------------- connection

  const retryDelay = (attempt) => Math.min(10_000, 500 * 2 ** attempt) + Math.random() * 500;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
    .build();

  connection.on("event", receive);
  // A busy stream's events can come several to a message, in order: each applies as if alone.
  connection.on("events", (events) => events.forEach(receive));
  connection.on("presence", (message) => {
    if (message.stream === stream) {
      presence.textContent = message.count > 1 ? `· ${message.count} reading` : "";
    }
  });

  const typists = new Map();
  connection.on("typing", (message) => {
    if (message.stream !== stream || message.memberId === memberId) return;
    clearTimeout(typists.get(message.displayName));
    typists.set(message.displayName, setTimeout(() => { typists.delete(message.displayName); showTypists(); }, 4000));
    showTypists();
  });
  // A reply has arrived from someone shown as typing: they have stopped.
  function stopTyping(name) {
    if (typists.has(name)) {
      clearTimeout(typists.get(name));
      typists.delete(name);
      showTypists();
    }
  }

  function showTypists() {
    const names = [...typists.keys()];
    typing.textContent = names.length === 0 ? "" : names.length === 1 ? `${names[0]} is typing…` : `${names.length} people are typing…`;
  }

  let offline = !navigator.onLine;
  let attempts = 0;

  async function start() {
    if (offline || connection.state !== signalR.HubConnectionState.Disconnected) return;
    setStatus("connecting", "Connecting…");
    try {
      await connection.start();
      attempts = 0;
      await subscribe();
      setStatus("live", "Live: new replies appear as they are posted.");
    } catch {
      if (connection.state === signalR.HubConnectionState.Connected) {
        await connection.stop();
        return; // onclose schedules the next try
      }
      setStatus("reconnecting", "Reconnecting…");
      setTimeout(start, retryDelay(attempts++));
    }
  }

  // Where the stream ends now: further than we got means a reply was lost without a trace.
  connection.on("heads", (head) => {
    if (head.stream === stream && head.lastSeq > lastSeq) {
      subscribe().catch(() => {});
    }
  });
  // Too slow for the server's queue: it stopped sending this stream; subscribe again from the last number.
  connection.on("reset", (notice) => {
    if (notice.stream === stream) {
      subscribe().catch(() => {});
    }
  });
  connection.on("revoked", () => setStatus("off", "Live updates stopped: you can no longer read this thread."));
  connection.onreconnecting(() => setStatus("reconnecting", "Reconnecting…"));
  connection.onreconnected(async () => {
    // A new connection has no groups: subscribe again from the last number seen.
    try {
      await subscribe();
      setStatus("live", "Live: new replies appear as they are posted.");
    } catch {
      await connection.stop();
    }
  });
  connection.onclose(() => {
    presence.textContent = "";
    if (offline) return;
    // Closed for good (the session's token expired, or retries ran out): start afresh.
    setStatus("reconnecting", "Reconnecting…");
    setTimeout(start, retryDelay(attempts++));
  });

  window.addEventListener("offline", () => {
    offline = true;
    setStatus("offline", "Offline: new replies will appear when you are back online.");
    connection.stop();
  });
  window.addEventListener("online", () => {
    offline = false;
    start();
  });

  if (offline) {
    setStatus("offline", "Offline: new replies will appear when you are back online.");
  } else {
    start();
  }

  // ---------------------------------------------------------------- reading

  const token = () => document.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
  let readTimer = 0;
  let readUpTo = 0;
  function markReadSoon(number) {
    readUpTo = Math.max(readUpTo, number);
    clearTimeout(readTimer);
    readTimer = setTimeout(() => {
      if (document.visibilityState !== "visible") return;
      const body = new FormData();
      body.append("number", String(readUpTo));
      body.append("__RequestVerificationToken", token());
      fetch(`/Threads/${threadId}?handler=Read`, { method: "POST", body, credentials: "same-origin" }).catch(() => {});
    }, 2000);
  }

  // ---------------------------------------------------------------- replying

  if (!form || !textarea) return;

  const key = form.querySelector("input[name='Reply.IdempotencyKey']");
  const button = form.querySelector("button[type=submit]");
  const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`).replaceAll("-", "");

  function showError(message) {
    replyError.textContent = message;
    replyError.hidden = !message;
    textarea.setAttribute("aria-invalid", message ? "true" : "false");
  }

  let lastTyping = 0;
  textarea.addEventListener("input", () => {
    const now = Date.now();
    if (now - lastTyping > 2500 && connection.state === signalR.HubConnectionState.Connected) {
      lastTyping = now;
      connection.invoke("Typing", stream).catch(() => {});
    }
  });

  form.addEventListener("submit", async (submit) => {
    submit.preventDefault();
    if (!textarea.value.trim()) {
      showError("Write your reply first.");
      textarea.focus();
      return;
    }
    button.disabled = true;
    button.textContent = "Posting…";
    showError("");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.status === 201) {
        const post = await response.json();
        textarea.value = "";
        key.value = newKey(); // the next reply is a new one
        form.querySelector("input[name='Reply.QuotedPostId']")?.remove();
        addPost(post);
        if (!showsLatest) newPosts.hidden = false;
        return;
      }
      const problem = await response.json().catch(() => null);
      showError(problem?.errors?.body?.[0] ?? problem?.errors?.["Reply.Body"]?.[0] ?? problem?.detail ?? problem?.title
        ?? "Your reply was not posted. Please try again.");
    } catch {
      // The same key goes with the retry, so a reply that did arrive is not posted twice.
      showError("Your reply was not sent: the connection dropped. Your text is still here; send it again when you are back online.");
    } finally {
      button.disabled = false;
      button.textContent = "Post reply";
    }
  });
})();
